// The server killed without warning (SIGKILL) in the middle of publishing a report leaves it unpublished, with no
// announcement queued or sent and nothing in the audit log; started again, it is published once and its audience
// e-mailed once. Publishing is one transaction; the test holds it open by locking the audit log, its last write.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client } from '../../testing/app.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { startServerProcess } from '../../testing/server-process.ts';
import { smtpListener, subjectOf, type SmtpListener } from '../../testing/smtp.ts';

let database: TestDatabase;
let smtp: SmtpListener;
before(async () => {
  database = await freshDatabase('demo');
  smtp = await smtpListener();
});
after(async () => {
  await database.drop();
  await smtp.close();
});

const HREF = '/reports/committee-place-housing/2026-27-Q1';
const SUBJECT = 'Published: Place & Housing Scrutiny Committee';

async function until<T>(what: string, check: () => Promise<T | undefined>, seconds = 90): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function theReport(): Promise<{ status: string; publishes: number; announcements: number }> {
  const result = await sql<{ status: string; publishes: number; announcements: number }>`
    SELECT r.status,
           (SELECT count(*)::int FROM audit_log a WHERE a.action = 'report.publish' AND a.entity_id = r.id::text)
             AS publishes,
           (SELECT count(*)::int FROM pgboss.job j
             WHERE j.data->>'kind' = 'announce' AND j.data->>'reportId' = r.id::text) AS announcements
    FROM reports r JOIN report_sets s ON s.id = r.report_set_id
    WHERE s.name = 'committee-place-housing' AND r.period = '2026-27-Q1'`.execute(database.db);
  return { ...result.rows[0] } as { status: string; publishes: number; announcements: number };
}

/** The version on the report's page once it is generated and ready to publish. */
async function readyVersion(officer: Client): Promise<string> {
  const page = await until('the report to be ready', async () => {
    const html = await (await officer.get(HREF)).text();
    return /Publish this report/.test(html) ? html : undefined;
  });
  const version = /name="version" value="(\d+)"/.exec(page)?.[1];
  assert.ok(version, 'the page offers to publish a version');
  return version;
}

test('a server killed mid-publish leaves the report unpublished and unannounced; after a restart it publishes once', async () => {
  const env = { SMTP_URL: smtp.url };
  let server = await startServerProcess(database.db, database.url, env);
  let officer = new Client(server.baseUrl);
  await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
  await officer.get('/reports');
  assert.equal(
    (await officer.post('/reports', { set: 'committee-place-housing', period: '2026-27-Q1' })).status,
    303,
  );
  const version = await readyVersion(officer);

  const holder = new pg.Client({ connectionString: database.url });
  await holder.connect();
  try {
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE audit_log IN SHARE MODE');
    const publishing = officer.post(`${HREF}/publish`, { version }).then(
      (response) => response.status,
      () => 'connection lost' as const,
    );
    // The server has marked the report published and queued its announcement, and waits to write the audit row.
    await until('the publish to be waiting on the audit log', async () => {
      const waiting = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE c.relname = 'audit_log' AND NOT l.granted AND a.backend_xid IS NOT NULL
          AND a.application_name LIKE 'scorecard-test-%'`.execute(database.db);
      return (waiting.rows[0]?.n ?? 0) > 0 ? true : undefined;
    });
    await server.kill();
    assert.equal(await publishing, 'connection lost');
  } finally {
    await holder.query('ROLLBACK');
    await holder.end();
  }
  await server.disconnected();
  assert.deepEqual(await theReport(), { status: 'ready', publishes: 0, announcements: 0 });

  server = await startServerProcess(database.db, database.url, env);
  try {
    officer = new Client(server.baseUrl);
    await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
    const published = await officer.post(`${HREF}/publish`, { version: await readyVersion(officer) });
    assert.equal(published.status, 303, await published.text());
    await until('the announcement e-mail', async () =>
      smtp.received.some((m) => subjectOf(m).startsWith(SUBJECT)) ? true : undefined,
    );
    // Time for a second announcement, were one queued, to arrive.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    assert.equal(smtp.received.filter((m) => subjectOf(m).startsWith(SUBJECT)).length, 1);
    assert.deepEqual(await theReport(), { status: 'published', publishes: 1, announcements: 1 });
  } finally {
    await server.stop();
  }
});
