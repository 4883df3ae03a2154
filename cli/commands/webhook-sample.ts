import { join } from 'node:path';
import type { ChangeEvent } from '../../shared/domain/change-event';
import { diffLists } from '../../shared/domain/diff';
import { MOF_FIXTURES } from '../package-paths';
import { loadListFile } from '../read-source';

const FIXTURES = MOF_FIXTURES;
const SAMPLE_KEY = '029-000729';

/**
 * A real change event to test an endpoint with: the designation of 029-000729 (Vladimir Mikheychik, 24 May 2024),
 * from diffing the real MOF excerpt against the same list as it stood the day before. Deterministic, like every
 * event id: a receiver that deduplicates will see the same id on every test.
 */
export async function sampleChangeEvent(): Promise<ChangeEvent> {
  const [before, after] = await Promise.all([
    loadListFile(join(FIXTURES, 'variants', 'shisantouketsu20240523-variant.csv')),
    loadListFile(join(FIXTURES, 'shisantouketsu20260828-excerpt.csv')),
  ]);
  const { changes } = diffLists(before.list.entries, after.list.entries, { file: after.source.file, sha256: after.source.sha256 });
  const sample = changes.find((c) => c.key === SAMPLE_KEY);
  if (!sample) throw new Error(`the fixtures no longer contain the designation of ${SAMPLE_KEY}`);
  return sample;
}
