// How a residents' page is served: rendered once per snapshot of the council's data to an HTML string, kept by its
// path in the public cache, and sent with a short shared-cache lifetime. A page that is not there (an unknown or
// non-public code, a staff report) is the public 404 page, never kept, so made-up addresses cannot fill the cache.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { notModified } from './http-cache.ts';
import type { PublicCache, PublicSnapshot } from './public-cache.ts';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=60';

/** What a page needs from the snapshot; null means "no such page". */
export type PageMaker = (
  snapshot: PublicSnapshot,
) => Promise<{ template: string; data: Record<string, unknown> } | null>;

export class PublicPages {
  constructor(
    private readonly app: FastifyInstance,
    private readonly site: PublicCache,
  ) {}

  /** Serves the page kept under `key`, making it first if need be; 304 when the client's copy is current. */
  async serve(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    make: PageMaker,
  ): Promise<FastifyReply> {
    const snapshot = await this.site.current();
    if (!snapshot) return this.notFound(reply, null);
    const html = await this.site.made(key, async (s) => {
      const page = await make(s);
      return page ? this.render(s, page.template, page.data) : null;
    });
    if (html === null) {
      // Not kept: only real pages are (a null would otherwise be remembered for every made-up address).
      snapshot.made.delete(key);
      return this.notFound(reply, snapshot);
    }
    if (notModified(request, reply, snapshot)) return reply.send();
    return this.send(reply, 200, html);
  }

  /** Serves a page made on every request (search results: their query is unbounded, so they are not kept). */
  async serveFresh(reply: FastifyReply, make: PageMaker): Promise<FastifyReply> {
    const snapshot = await this.site.current();
    if (!snapshot) return this.notFound(reply, null);
    const page = await make(snapshot);
    if (!page) return this.notFound(reply, snapshot);
    return this.send(reply, 200, await this.render(snapshot, page.template, page.data));
  }

  async notFound(reply: FastifyReply, snapshot: PublicSnapshot | null): Promise<FastifyReply> {
    const html = await this.app.view('public/views/not-found.njk', {
      council: { name: snapshot?.council.name ?? 'Your council' },
      pageTitle: 'Page not found',
      section: '',
    });
    return reply
      .status(404)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(html);
  }

  private render(snapshot: PublicSnapshot, template: string, data: Record<string, unknown>): Promise<string> {
    return this.app.view(template, { council: { name: snapshot.council.name }, ...data });
  }

  private send(reply: FastifyReply, status: number, html: string): FastifyReply {
    return reply
      .status(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('cache-control', PUBLIC_CACHE_CONTROL)
      .send(html);
  }
}
