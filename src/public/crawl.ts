// Walks the residents' site as anyone on the internet could: from the seeds, every address under /public or
// /api/public found in any response (HTML href/src, and any quoted or absolute address in JSON, CSV, Atom…), each
// fetched once, without cookies. Used by the leak test (no unpublished figure anywhere) and the axe test (every page).

export interface Crawled {
  /** The path and query fetched, e.g. "/public/measures/HOU-07". */
  path: string;
  status: number;
  contentType: string;
  body: string;
  /** The page the address was first found on ('' for a seed). */
  foundOn: string;
}

export interface CrawlOptions {
  /** Where to start (default: the home page). */
  seeds?: string[];
  /** Address prefixes followed (default: /public and /api/public). */
  within?: string[];
  /** Stop after this many addresses, to fail loudly rather than loop (default 5,000). */
  limit?: number;
  /** Requests in flight at once (default 4). */
  concurrency?: number;
}

export const PUBLIC_PREFIXES = ['/public', '/api/public'];

/** Every response reachable from the seeds, in the order fetched. */
export async function crawlPublic(baseUrl: string, options: CrawlOptions = {}): Promise<Crawled[]> {
  const within = options.within ?? PUBLIC_PREFIXES;
  const limit = options.limit ?? 5000;
  const origin = new URL(baseUrl).origin;
  const seen = new Set<string>();
  const queue: { path: string; foundOn: string }[] = [];
  const results: Crawled[] = [];
  const enqueue = (path: string, foundOn: string) => {
    if (seen.has(path) || !isWithin(path, within)) return;
    if (seen.size >= limit)
      throw new Error(`crawlPublic: more than ${limit} addresses (last ${path} on ${foundOn})`);
    seen.add(path);
    queue.push({ path, foundOn });
  };
  for (const seed of options.seeds ?? ['/public']) enqueue(seed, '');

  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const response = await fetch(origin + next.path, { redirect: 'manual' });
      const body = await response.text();
      const crawled: Crawled = {
        path: next.path,
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body,
        foundOn: next.foundOn,
      };
      results.push(crawled);
      const location = response.headers.get('location');
      for (const link of [...(location ? [location] : []), ...linksIn(body, origin)])
        enqueue(link, next.path);
    }
  };
  // Workers stop when the queue is empty; a page still in flight may add more, so run rounds until none is left.
  while (queue.length > 0) await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  return results;
}

function isWithin(path: string, prefixes: string[]): boolean {
  return prefixes.some(
    (p) => path === p || path.startsWith(`${p}/`) || path.startsWith(`${p}?`) || path.startsWith(`${p}.`),
  );
}

/** Addresses on this site named anywhere in a body: attribute values, quoted strings, or absolute URLs. */
export function linksIn(body: string, origin: string): string[] {
  const found: string[] = [];
  const attribute = /(?:href|src|action)\s*=\s*["']([^"']+)["']/gi;
  const quoted = /["'](\/[^"'\s<>]*)["']/g;
  const absolute = new RegExp(`${escapeRegExp(origin)}(/[^"'\\s<>)]*)`, 'g');
  for (const pattern of [attribute, quoted, absolute])
    for (const match of body.matchAll(pattern)) {
      const raw = decodeEntities(match[1] ?? '');
      const path = toPath(raw, origin);
      if (path) found.push(path);
    }
  return found;
}

function toPath(raw: string, origin: string): string | null {
  if (raw.startsWith('#')) return null;
  let url: URL;
  try {
    url = new URL(raw, `${origin}/`);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  return url.pathname + url.search;
}

function decodeEntities(text: string): string {
  return text
    .replaceAll('&amp;', '&')
    .replaceAll('&#x2F;', '/')
    .replaceAll('&#39;', "'")
    .replaceAll('&quot;', '"');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
