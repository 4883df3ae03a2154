import { fileDateOf } from '../domain/diff';
import type { FetchResult } from '../http/fetch-file';
import type { ListLinks } from '../mof/discover';
import { detectFormat } from '../mof/parse-list';
import type { Budget, Clock, ListSource, RawArchive } from '../ports';
import type { ListState, SourceFile } from '../records';

type Downloaded = Extract<FetchResult, { status: 'ok' }>;

/** A file of the newest edition, fetched and archived. */
export interface AcquiredFile {
  source: SourceFile;
  bytes: Uint8Array;
  validators: NonNullable<ListState['validators']>;
}

export type Acquired =
  /** The committed file is still the newest: nothing to decide. */
  | { status: 'unchanged'; validators?: NonNullable<ListState['validators']> }
  /** The file held earlier is still the newest: not archived or parsed again. */
  | { status: 'still-held' }
  /**
   * The page offers the committed edition only in the other format (the CSV link gone, its workbook still
   * there): the edition is read already, and two formats of one edition are not two versions. `firstSeen` is
   * true the first check that finds it so, for one note to the operator.
   */
  | { status: 'same-edition'; edition: string; offered: string; committed: string; firstSeen: boolean; validators: NonNullable<ListState['validators']> }
  | {
      status: 'new';
      list: AcquiredFile;
      /** The same page's workbook beside a CSV (titles, corroboration); null when there is none or it failed. */
      workbook: AcquiredFile | null;
      /** Why the workbook could not be fetched, for a warning: the CSV alone still decides. */
      workbookError: string | null;
    };

/**
 * Find and fetch: the newest edition's list file on the index page (the CSV, else the workbook), downloaded
 * conditionally against the last download's validators, archived under its sha256 before anything reads it.
 * Bytes already seen — the committed file, or the file held now — are neither archived nor handed on again; the
 * committed edition in its other format is not even downloaded. `reprocess` (an operator accepting the held
 * file) asks for the bytes unconditionally.
 */
export async function acquireList(
  deps: { source: ListSource; archive: RawArchive; clock: Clock }, state: ListState | null, { reprocess = false, budget = {} as Budget } = {},
): Promise<Acquired> {
  const links = await deps.source.discover(budget);
  const fileUrl = links.csv ?? links.xlsx!;
  const committed = state?.source ?? null;
  const edition = fileDateOf(fileNameOf(fileUrl));
  if (committed && edition !== null && edition === fileDateOf(committed.file) && formatOfName(fileNameOf(fileUrl)) !== formatOfName(committed.file)) {
    // Remembered as the URL last looked at, so that the note goes out once, not at every check.
    const firstSeen = state?.validators?.url !== fileUrl.href;
    const validators = firstSeen ? { url: fileUrl.href, etag: null, lastModified: null } : state!.validators!;
    return { status: 'same-edition', edition, offered: fileNameOf(fileUrl), committed: committed.file, firstSeen, validators };
  }
  const held = state?.hold ?? null;
  // The validators are the last download's: the held file's while there is a hold, else the committed one's.
  const previous = !reprocess && state?.validators?.url === fileUrl.href ? state.validators : undefined;
  const fetched = await deps.source.fetch(fileUrl, previous ?? undefined, budget);
  if (fetched.status === 'not-modified') return held ? { status: 'still-held' } : { status: 'unchanged' };
  if (fetched.sha256 === state?.source?.sha256) return { status: 'unchanged', validators: validatorsOf(fileUrl, fetched) };
  if (!reprocess && fetched.sha256 === held?.sha256) return { status: 'still-held' };
  // Labelled by content, not by link or name: a workbook saved as `.csv` is reported as the XLSX it is.
  const list = await archived(deps, fileUrl, fetched, detectFormat(fetched.bytes), links);
  if (!links.csv || !links.xlsx) return { status: 'new', list, workbook: null, workbookError: null };
  try {
    const workbook = await deps.source.fetch(links.xlsx, undefined, budget);
    if (workbook.status !== 'ok') return { status: 'new', list, workbook: null, workbookError: `unexpected 304 for ${links.xlsx.href}` };
    return { status: 'new', list, workbook: await archived(deps, links.xlsx, workbook, 'xlsx', links), workbookError: null };
  } catch (error) {
    return { status: 'new', list, workbook: null, workbookError: error instanceof Error ? error.message : String(error) };
  }
}

async function archived(
  deps: { archive: RawArchive; clock: Clock }, requested: URL, fetched: Downloaded, format: SourceFile['format'], links: ListLinks,
): Promise<AcquiredFile> {
  const file = fileNameOf(requested);
  const archiveKey = await deps.archive.put({ sha256: fetched.sha256, bytes: fetched.bytes, fileName: file });
  return {
    source: {
      url: fetched.url.href, file, format, sha256: fetched.sha256, archiveKey,
      // The file's own date: a workbook fetched beside a CSV may be of another edition than the page's newest.
      asOf: links.asOf, fileDate: fileDateOf(file) ?? links.fileDate, fetchedAt: deps.clock.now().toISOString(),
    },
    bytes: fetched.bytes,
    validators: validatorsOf(requested, fetched),
  };
}

/** By the file's name, which is how MOF labels the two formats of one edition. */
function formatOfName(file: string): SourceFile['format'] {
  return /\.csv$/i.test(file) ? 'csv' : 'xlsx';
}

export function fileNameOf(url: URL): string {
  return url.pathname.split('/').pop() || url.href;
}

/** Kept under the URL we asked for (not where a redirect led), which is what the next check asks for again. */
function validatorsOf(requested: URL, fetched: Downloaded): NonNullable<ListState['validators']> {
  return { url: requested.href, etag: fetched.etag, lastModified: fetched.lastModified };
}
