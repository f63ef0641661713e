// One virtual user of bench/load, as a browser would be: its own keep-alive connection, its own session cookie and
// CSRF token, following the redirect after a save. Every request is timed from sending to the last byte read.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { LOAD_PASSWORD, type Action, type Sample, type VirtualUser } from './load-mix.ts';

/** A write the server acknowledged (a 303 after the POST): it must be in the database afterwards. */
export interface AcknowledgedWrite {
  email: string;
  code: string;
  period: string;
  value: string;
  commentary: string;
}

/** A request that failed: a 5xx, an unexpected status, or no answer at all (status 0). */
export interface Failure {
  kind: string;
  route: string;
  status: number;
  detail: string;
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface Recorder {
  /** Timing is kept only while this is true: sign-in and warm-up are not timed (failures and writes always are). */
  measuring: boolean;
  samples: Sample[];
  failures: Failure[];
  writes: AcknowledgedWrite[];
}

export class VirtualUserSession {
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  private cookie = '';
  private csrf = '';
  private writesMade = 0;
  private measureTurn = 0;

  constructor(
    private readonly base: URL,
    readonly user: VirtualUser,
    private readonly recorder: Recorder,
  ) {}

  close(): void {
    this.agent.destroy();
  }

  /** Signs in with the form, as a person does; throws if the account cannot. */
  async signIn(): Promise<void> {
    const form = new URLSearchParams({ email: this.user.email, password: LOAD_PASSWORD }).toString();
    const answer = await this.send('POST', '/sign-in', form);
    const cookie = [answer.headers['set-cookie'] ?? []].flat()[0]?.split(';')[0];
    if (answer.status !== 302 || !cookie)
      throw new Error(`${this.user.email} could not sign in: ${answer.status}`);
    this.cookie = cookie;
  }

  /** Downloads this user's report file once, untimed by kind: how long its first reader waits. Milliseconds. */
  async firstDownload(): Promise<number> {
    const start = performance.now();
    const answer = await this.page(
      'first download',
      this.user.download,
      '/reports/:set/:period/download/:format',
    );
    if (!answer) throw new Error(`${this.user.download} could not be downloaded: see the failures`);
    return performance.now() - start;
  }

  async act(action: Action): Promise<void> {
    if (action === 'overview') await this.page('overview', '/overview', '/overview');
    else if (action === 'measure') {
      const code = this.user.measures[this.measureTurn++ % this.user.measures.length] ?? '';
      await this.page('measure', `/measures/${encodeURIComponent(code)}`, '/measures/:code');
    } else if (action === 'download') {
      await this.page('download', this.user.download, '/reports/:set/:period/download/:format');
    } else await this.enterFigure();
  }

  /** The entry form read for its version, the figure sent with it, and the page the save redirects to. */
  private async enterFigure(): Promise<void> {
    const cell = this.user.cell;
    if (!cell) throw new Error(`${this.user.email} has no figure to enter`);
    const path = `/my-measures/${encodeURIComponent(cell.code)}/${encodeURIComponent(cell.period)}`;
    const form = await this.page('entry form', path, '/my-measures/:code/:period');
    if (!form) return;
    const version = /name="version" value="(\d+)"/.exec(form.body.toString('utf8'))?.[1];
    if (version == null) {
      this.fail('entry form', 'GET /my-measures/:code/:period', form.status, 'the form has no version field');
      return;
    }
    const n = this.writesMade++;
    // A step either side in turn keeps the figure within any range its unit has, and each write distinct.
    const value = (
      n % 2 === 0 ? cell.value : cell.value >= cell.step ? cell.value - cell.step : cell.value + cell.step
    ).toFixed(Math.max(0, -Math.round(Math.log10(cell.step))));
    const commentary = `load ${this.user.email} write ${n}`;
    const body = new URLSearchParams({ _csrf: this.csrf, version, value, commentary }).toString();
    const saved = await this.timed('entry save', 'POST', path, 'POST /my-measures/:code/:period', body);
    if (!saved) return;
    if (saved.status !== 303) {
      this.fail('entry save', 'POST /my-measures/:code/:period', saved.status, firstLine(saved.body));
      return;
    }
    this.recorder.writes.push({
      email: this.user.email,
      code: cell.code,
      period: cell.period,
      value,
      commentary,
    });
    const location = String(saved.headers.location ?? '');
    await this.page('entry saved page', location, '/my-measures');
  }

  /** A GET that must answer 200; the answer, or null when it failed (recorded). */
  private async page(kind: string, path: string, route: string): Promise<Answer | null> {
    const answer = await this.timed(kind, 'GET', path, `GET ${route}`);
    if (answer && answer.status !== 200) {
      this.fail(kind, `GET ${route}`, answer.status, firstLine(answer.body));
      return null;
    }
    return answer;
  }

  private async timed(
    kind: string,
    method: string,
    path: string,
    route: string,
    body?: string,
  ): Promise<Answer | null> {
    const start = performance.now();
    // Timed when it was asked in the window: one asked in the warm-up (when every user starts at once and nothing
    // is yet kept) is the warm-up's, even if it ends in the window.
    const inWindow = this.recorder.measuring;
    try {
      const answer = await this.send(method, path, body);
      if (inWindow)
        this.recorder.samples.push({ kind, ms: performance.now() - start, status: answer.status });
      if (answer.headers['content-type']?.includes('text/html')) {
        const token = /name="_csrf" value="([^"]+)"/.exec(answer.body.toString('utf8'))?.[1];
        if (token) this.csrf = token;
      }
      return answer;
    } catch (error) {
      this.fail(kind, route, 0, error instanceof Error ? error.message : String(error));
      return null;
    }
  }

  /** Kept during warm-up too: an error is an error whenever it happens. */
  private fail(kind: string, route: string, status: number, detail: string): void {
    this.recorder.failures.push({ kind, route, status, detail });
  }

  private send(method: string, path: string, body?: string): Promise<Answer> {
    return new Promise((resolve, reject) => {
      const headers: http.OutgoingHttpHeaders = { cookie: this.cookie };
      if (body != null) {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        headers['content-length'] = Buffer.byteLength(body);
      }
      const request = http.request(
        new URL(path, this.base),
        { method, agent: this.agent, headers },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              body: Buffer.concat(chunks),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
  }
}

/** The first line of an error page's text, for the report (the GOV.UK error page names the request id). */
function firstLine(body: Buffer): string {
  const text = body.toString('utf8');
  const heading = /<h1[^>]*>([^<]*)<\/h1>/.exec(text)?.[1];
  const id = /request id[^A-Za-z0-9]*([A-Za-z0-9-]+)/i.exec(text)?.[1];
  return [heading?.trim() ?? text.slice(0, 120), id ? `request ${id}` : ''].filter(Boolean).join(', ');
}
