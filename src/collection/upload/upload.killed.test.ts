// The server killed without warning (SIGKILL) while it commits an uploaded file leaves no figure, no revision and
// no committed upload behind; started again, the same preview commits whole, once. The commit is one transaction.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../../demo/users.ts';
import { Client } from '../../testing/app.ts';
import { freshDatabase, type TestDatabase } from '../../testing/database.ts';
import { startServerProcess, writingTo } from '../../testing/server-process.ts';
import { aCenturyOfBreakdowns, CENTURY_FIGURES } from './large-file.fixtures.ts';

let database: TestDatabase;
before(async () => {
  database = await freshDatabase('demo');
});
after(() => database.drop());

async function whatIsThere(): Promise<{ figures: number; revisions: number; committed: number }> {
  const counts = await sql<{ figures: number; revisions: number; committed: number }>`
    SELECT (SELECT count(*)::int FROM data_values WHERE period LIKE '21%') AS figures,
           (SELECT count(*)::int FROM data_value_revisions r JOIN data_values v ON v.id = r.data_value_id
             WHERE v.period LIKE '21%') AS revisions,
           (SELECT count(*)::int FROM uploads WHERE file_name = 'century.csv' AND outcome = 'committed') AS committed`.execute(
    database.db,
  );
  return { ...counts.rows[0] } as { figures: number; revisions: number; committed: number };
}

async function signedIn(baseUrl: string): Promise<Client> {
  const officer = new Client(baseUrl);
  await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
  await officer.get('/uploads');
  return officer;
}

test('a server killed mid-commit of an upload leaves nothing, and after a restart the same preview commits whole', async () => {
  let server = await startServerProcess(database.db, database.url);
  let officer = await signedIn(server.baseUrl);
  const form = new FormData();
  form.set('file', new Blob([aCenturyOfBreakdowns()], { type: 'text/csv' }), 'century.csv');
  const preview = await officer.multipart('/uploads', form);
  const page = await preview.text();
  assert.equal(preview.status, 200, page.slice(0, 500));
  const upload = /name="upload" value="(\d+)"/.exec(page)?.[1];
  const sha256 = /name="sha256" value="([0-9a-f]{64})"/.exec(page)?.[1];
  assert.ok(upload && sha256, 'the preview offers the commit');

  const committing = officer.post('/uploads/commit', { upload, sha256 }).then(
    (response) => response.status,
    () => 'connection lost' as const,
  );
  const deadline = Date.now() + 60_000;
  while (!(await writingTo(database.db, 'data_values'))) {
    assert.ok(Date.now() < deadline, 'the commit never began writing figures');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  await server.kill();
  await server.disconnected();
  assert.equal(await committing, 'connection lost', 'the commit was cut off, not finished');
  assert.deepEqual(await whatIsThere(), { figures: 0, revisions: 0, committed: 0 });

  server = await startServerProcess(database.db, database.url);
  try {
    officer = await signedIn(server.baseUrl);
    const again = await officer.post('/uploads/commit', { upload, sha256 });
    assert.equal(again.status, 303, await again.text());
    assert.match(again.headers.get('location') ?? '', /^\/uploads\?committed=\d+$/);
    assert.deepEqual(await whatIsThere(), {
      figures: CENTURY_FIGURES,
      revisions: CENTURY_FIGURES,
      committed: 1,
    });
  } finally {
    await server.stop();
  }
});
