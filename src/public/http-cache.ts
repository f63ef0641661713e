// HTTP caching for every public response: an ETag naming the data's state and the URL, Last-Modified, a minute's
// public caching, and conditional GET (a client whose copy is current gets 304 and no body).
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** What a response was made from: PublicSnapshot has both. */
export interface CacheState {
  fingerprint: string;
  since: Date;
}

/**
 * Sets the caching headers of a public response and says whether the client's copy is still current; when it is,
 * the status is already 304 and the caller sends no body: `if (notModified(request, reply, snapshot)) return reply.send();`
 */
export function notModified(request: FastifyRequest, reply: FastifyReply, state: CacheState): boolean {
  const etag = etagOf(state, request.url);
  reply
    .header('etag', etag)
    .header('last-modified', state.since.toUTCString())
    .header('cache-control', 'public, max-age=60');
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  if (!isCurrent(request, etag, state.since)) return false;
  reply.code(304);
  return true;
}

/** The same data at the same URL gives the same tag; any change of either gives another. */
function etagOf(state: CacheState, url: string): string {
  const variant = createHash('sha256').update(url).digest('base64url').slice(0, 12);
  return `"${state.fingerprint}-${variant}"`;
}

function isCurrent(request: FastifyRequest, etag: string, since: Date): boolean {
  // RFC 9110 §13.2.2: when If-None-Match is sent, If-Modified-Since is ignored.
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch !== undefined) {
    const tags = noneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  const modifiedSince = request.headers['if-modified-since'];
  if (modifiedSince === undefined) return false;
  const at = Date.parse(modifiedSince);
  return Number.isFinite(at) && since.getTime() <= at;
}
