// The residents' site served from memory: the public model and every page or download made from it are kept until
// the council's data changes. Every change to a council's data writes an audit row, so the newest audit row (with
// the quarter the day falls in) says whether what is kept is still true; it is looked at most once a `checkEveryMs`.
// Signing in changes no data, so its audit rows are passed over.
import { sql } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { ReportModel } from '../reporting/reports/report-model.ts';
import { todayIso } from '../measures/targets.validation.ts';
import { publicCouncil, type PublicCouncil } from './public-council.ts';
import { buildPublicModel, publicPeriod } from './public-model.ts';

/** What is kept for one state of the council's data. */
export interface PublicSnapshot {
  council: PublicCouncil;
  model: ReportModel;
  /** Names the state: changes whenever anything public may have changed (an ETag is made from it). */
  fingerprint: string;
  /** When the newest change was made, to the second: the Last-Modified of everything made from it. */
  since: Date;
  /** Pages and downloads made from this snapshot, by URL: made once, then served as they are. */
  made: Map<string, unknown>;
}

export interface PublicCacheOptions {
  /** PUBLIC_COUNCIL: the council's slug; the first council when not given. */
  councilSlug?: string;
  /** How often the newest audit row is looked at (default 1,000 ms; tests use 0 to see each change at once). */
  checkEveryMs?: number;
  /** The day the site is judged at, 'YYYY-MM-DD' (today in the UK unless given). */
  today?: () => string;
}

export class PublicCache {
  private snapshot: Promise<PublicSnapshot | null> | null = null;
  private checkedAt = 0;
  private checking: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly options: PublicCacheOptions = {},
  ) {}

  /** The current snapshot; null when there is no council to show. */
  async current(): Promise<PublicSnapshot | null> {
    if (Date.now() - this.checkedAt >= (this.options.checkEveryMs ?? 1000))
      this.checking ??= this.check().finally(() => (this.checking = null));
    // Also a request arriving while another's check runs waits for it: the first build has no snapshot to give yet.
    if (this.checking) await this.checking;
    return this.snapshot ?? Promise.resolve(null);
  }

  /** Something made from the snapshot, made on first asking and kept with it. */
  async made<T>(key: string, make: (snapshot: PublicSnapshot) => T | Promise<T>): Promise<T | null> {
    const snapshot = await this.current();
    if (!snapshot) return null;
    if (!snapshot.made.has(key)) snapshot.made.set(key, Promise.resolve(make(snapshot)));
    return (await snapshot.made.get(key)) as T;
  }

  /** Drops what is kept, for this process's own publishing: the next request rebuilds without waiting. */
  forget(): void {
    this.snapshot = null;
    this.checkedAt = 0;
  }

  private async check(): Promise<void> {
    const council = await publicCouncil(this.db, this.options.councilSlug);
    this.checkedAt = Date.now();
    if (!council) {
      this.snapshot = null;
      return;
    }
    const today = this.options.today?.() ?? todayIso();
    const { fingerprint, since } = await stateOf(this.db, council, today);
    const kept = await this.snapshot?.catch(() => null);
    if (kept && kept.fingerprint === fingerprint) return;
    this.snapshot = buildPublicModel(this.db, council, today).then((model) => ({
      council,
      model,
      fingerprint,
      since,
      made: new Map(),
    }));
    // A failed build is not kept: the next request tries again.
    this.snapshot.catch(() => this.forget());
  }
}

async function stateOf(
  db: Db,
  council: PublicCouncil,
  today: string,
): Promise<{ fingerprint: string; since: Date }> {
  const result = await sql<{ at: Date; id: string }>`
    SELECT at, id::text FROM audit_log WHERE council_id = ${council.id} AND action NOT LIKE 'sign\\_in%'
     ORDER BY at DESC, id DESC LIMIT 1`.execute(db);
  const newest = result.rows[0];
  // HTTP dates have whole seconds: a Last-Modified finer than that would never match If-Modified-Since.
  const since = new Date(Math.floor((newest?.at.getTime() ?? 0) / 1000) * 1000);
  return { fingerprint: `${council.id}-${publicPeriod(today)}-${newest?.id ?? 0}`, since };
}
