// Queries the server sends again and again become named (prepared) statements on each connection, so PostgreSQL
// parses them once per connection and may keep one plan instead of planning every time: under load, planning was
// over a quarter of the database's time (a page's queries plan in 0.3–3 ms and run in less).
import { createHash } from 'node:crypto';
import pg from 'pg';

/** A text is prepared once seen this often: one-off statements (migrations, bulk inserts) stay unnamed. */
const TIMES_BEFORE_PREPARING = 3;
/** The most statements prepared, each held by every connection of the pool (PostgreSQL keeps its plan). */
const MOST_PREPARED = 200;
/** Longer texts are generated per call (many rows of VALUES, long lists) and not worth keeping. */
const LONGEST_PREPARED = 8_000;
const MOST_WATCHED = 2_000;

const preparedNames = new Map<string, string>();
const timesSeen = new Map<string, number>();

/** The statement's name once it has earned one; undefined while it is still sent as unnamed. */
export function statementName(text: string): string | undefined {
  const name = preparedNames.get(text);
  if (name !== undefined) return name;
  if (text.length > LONGEST_PREPARED || preparedNames.size >= MOST_PREPARED) return undefined;
  const times = (timesSeen.get(text) ?? 0) + 1;
  if (times < TIMES_BEFORE_PREPARING) {
    if (timesSeen.size >= MOST_WATCHED) timesSeen.clear();
    timesSeen.set(text, times);
    return undefined;
  }
  timesSeen.delete(text);
  // Named by the text's hash: the same text has the same name on every connection, and two texts never share one.
  const named = `cs_${createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;
  preparedNames.set(text, named);
  return named;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;
const unnamedQuery = pg.Client.prototype.query as unknown as Query;

/** A pg client that names the statements Kysely sends (text and values) once they are seen often. */
export class PreparingClient extends pg.Client {}

(PreparingClient.prototype as unknown as { query: Query }).query = function (this: pg.Client, ...args) {
  const [text, values, callback] = args;
  if (typeof text === 'string' && Array.isArray(values)) {
    const name = statementName(text);
    if (name !== undefined) return unnamedQuery.call(this, { name, text, values }, callback);
  }
  return unnamedQuery.apply(this, args);
};
