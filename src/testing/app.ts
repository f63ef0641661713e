// Test support: the real server on a fresh database, listening on loopback, and a signed-in HTTP client.
import type { FastifyInstance } from 'fastify';
import { readConfig } from '../config.ts';
import { createJobs } from '../jobs/jobs.ts';
import type { Mailer } from '../jobs/mailer.ts';
import { runReportJob } from '../reporting/reports/reports.service.ts';
import { buildServer } from '../web/server.ts';
import { freshDatabase, type TestDatabase } from './database.ts';

export interface TestApp extends TestDatabase {
  app: FastifyInstance;
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * `reportMailer`: also work the reports queue in this process, as `scorecard serve` does, sending through it.
 * `env`: settings as the environment would give them (e.g. OIDC_*), read by the app's own readConfig.
 * `port`: listen there rather than on any free port (when a setting must name the app's address in advance).
 */
export async function startTestApp(
  template: 'empty' | 'demo' = 'demo',
  options: { reportMailer?: Mailer; env?: NodeJS.ProcessEnv; port?: number } = {},
): Promise<TestApp> {
  const database = await freshDatabase(template);
  const config = { ...readConfig(options.env ?? {}), logLevel: 'silent' };
  const jobs = options.reportMailer ? createJobs(database.db, { error: () => undefined }) : undefined;
  const app = await buildServer({ db: database.db, config, jobs }, { logger: false });
  await app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const mailer = options.reportMailer;
  if (jobs && mailer)
    await jobs.workReports((job) => runReportJob(database.db, mailer, `http://127.0.0.1:${port}`, job), {
      pollingIntervalSeconds: 0.5,
    });
  return {
    ...database,
    app,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** A browser-like client: keeps the session cookie and the CSRF token from the last page it read. */
export class Client {
  /** The session cookie as sent back; read by tests that compare sessions. */
  cookie = '';
  csrfToken = '';

  constructor(readonly baseUrl: string) {}

  async signIn(email: string, password: string): Promise<Response> {
    const response = await this.post('/sign-in', { email, password });
    if (response.status !== 302) throw new Error(`sign-in as ${email} failed: ${response.status}`);
    await this.get('/structure');
    return response;
  }

  async get(path: string, headers: Record<string, string> = {}): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      redirect: 'manual',
      headers: { cookie: this.cookie, ...headers },
    });
    return this.remember(response);
  }

  post(path: string, form: Record<string, string>): Promise<Response> {
    return this.send('POST', path, form);
  }

  /** A form-encoded request with any method, carrying the session cookie and CSRF token. */
  async send(method: string, path: string, form: Record<string, string> = {}): Promise<Response> {
    const body = new URLSearchParams({ _csrf: this.csrfToken, ...form });
    const response = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: { cookie: this.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return this.remember(response);
  }

  /** A multipart form (a file upload) with the session cookie; the CSRF token is added unless `csrf` is false. */
  async multipart(path: string, form: FormData, csrf = true): Promise<Response> {
    if (csrf) form.append('_csrf', this.csrfToken);
    const response = await fetch(this.baseUrl + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookie },
      body: form,
    });
    return this.remember(response);
  }

  /** A JSON request, as an API client using the browser session would send it. */
  async json(method: string, path: string, payload?: unknown): Promise<Response> {
    const response = await fetch(this.baseUrl + path, {
      method,
      redirect: 'manual',
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrfToken,
        ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: payload === undefined ? undefined : JSON.stringify(payload),
    });
    return this.remember(response);
  }

  private async remember(response: Response): Promise<Response> {
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    if (response.headers.get('content-type')?.includes('text/html')) {
      const text = await response.clone().text();
      const match = /name="_csrf" value="([^"]+)"/.exec(text);
      if (match?.[1]) this.csrfToken = match[1];
    }
    return response;
  }
}
