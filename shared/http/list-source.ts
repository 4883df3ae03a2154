import type { Budget, Clock, ListSource } from '../ports';
import { discoverListFiles, type ListLinks } from '../mof/discover';
import { cacheBust, fetchFile, FetchError, type FetchOptions, type FetchResult, type Validators } from './fetch-file';

/** MOF's index page, where the dated list files are linked. */
export const MOF_INDEX_URL = 'https://www.mof.go.jp/policy/international_policy/gaitame_kawase/gaitame/economic_sanctions/list.html';

/** The live source: MOF's index page and the files it links, over the hardened HTTP client. */
export class HttpListSource implements ListSource {
  constructor(
    private readonly indexUrl: URL,
    private readonly options: FetchOptions,
    private readonly clock: Clock,
  ) {}

  async discover(budget: Budget = {}): Promise<ListLinks> {
    const page = await fetchFile(cacheBust(this.indexUrl, this.clock.now()), { ...this.options, ...budget });
    if (page.status !== 'ok') throw new FetchError(this.indexUrl.href, 'http-status', 'unexpected 304 for the index page', 1, 304);
    return discoverListFiles(decodePage(page.bytes, page.contentType), page.url.href);
  }

  fetch(url: URL, validators?: Validators, budget: Budget = {}): Promise<FetchResult> {
    return fetchFile(url, { ...this.options, ...budget, ...(validators ? { validators } : {}) });
  }
}

/** The page declares its charset in Content-Type; UTF-8 otherwise (MOF's pages are UTF-8 today). */
function decodePage(bytes: Uint8Array, contentType: string | null): string {
  const charset = /charset=([\w-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8';
  return new TextDecoder(charset).decode(bytes);
}
