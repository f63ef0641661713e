// The `scorecard` command reports a failure with a message naming the field and a non-zero exit code, so a
// script or a scheduler never mistakes a refused command for a done one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';

let database: TestDatabase;

before(async () => {
  database = await freshDatabase('demo');
});
after(async () => {
  await database.drop();
});

function scorecard(...args: string[]) {
  return spawnSync(process.execPath, ['bin/scorecard.js', ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: database.url },
  });
}

test('creating a user with a bad e-mail exits 1 and names the field', () => {
  const run = scorecard(
    'users',
    'create',
    '--email',
    'not-an-address',
    '--role',
    'data_owner',
    '--scope',
    'service:HOU-RM',
  );
  assert.equal(run.status, 1);
  assert.match(run.stderr, /email: 'not-an-address' is not an e-mail address/);
});

test('a scope that does not exist exits 1 and names it', () => {
  const run = scorecard(
    'users',
    'create',
    '--email',
    'new.owner@anytown.example',
    '--role',
    'data_owner',
    '--scope',
    'service:NOPE',
  );
  assert.equal(run.status, 1);
  assert.match(run.stderr, /scope: No service with code 'NOPE'/);
});

test('a user is created and can be given a scoped API token, printed once, listed and revoked', () => {
  const created = scorecard(
    'users',
    'create',
    '--email',
    'cli.owner@anytown.example',
    '--role',
    'data_owner',
    '--scope',
    'service:HOU-RM',
  );
  assert.equal(created.status, 0, created.stderr);
  const unscoped = scorecard('tokens', 'create', '--email', 'cli.owner@anytown.example');
  assert.equal(unscoped.status, 1);
  assert.match(unscoped.stderr, /--scope/);
  const token = scorecard(
    'tokens',
    'create',
    '--email',
    'cli.owner@anytown.example',
    '--scope',
    'read,value.write',
    '--name',
    'housing feed',
  );
  assert.equal(token.status, 0, token.stderr);
  assert.match(token.stdout.trim(), /^csk_[A-Za-z0-9_-]{40,}$/);
  const listed = scorecard('tokens', 'list', '--email', 'cli.owner@anytown.example', '--json');
  assert.equal(listed.status, 0, listed.stderr);
  const [row] = JSON.parse(listed.stdout) as { id: string; name: string; actions: string[] }[];
  assert.equal(row?.name, 'housing feed');
  assert.ok(row.actions.includes('value.write') && row.actions.includes('measure.read'), row.actions.join());
  assert.ok(!listed.stdout.includes(token.stdout.trim()), 'the token itself is never listed');
  const revoked = scorecard('tokens', 'revoke', row.id);
  assert.equal(revoked.status, 0, revoked.stderr);
  assert.match(revoked.stdout, /^Revoked \d+\tcli\.owner@anytown\.example\thousing feed\trevoked \d{4}-/);
  const again = scorecard('tokens', 'revoke', row.id);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /id: API token \d+ was already revoked/);
});

test("a token cannot be given an action its owner's role does not have", () => {
  const run = scorecard(
    'tokens',
    'create',
    '--email',
    'councillor@anytown.example',
    '--scope',
    'value.write',
  );
  assert.equal(run.status, 1);
  assert.match(run.stderr, /scope: A token cannot do more than its owner: Councillors may not value.write/);
});

test('backup writes the demo to a file and restore refuses to load it over a database that holds a council', () => {
  const file = path.join(tmpdir(), `scorecard-cli-${process.pid}.backup`);
  try {
    const backup = scorecard('backup', '--out', file);
    assert.equal(backup.status, 0, backup.stderr);
    assert.match(backup.stdout, /^Backed up \d+ tables \(\d+ rows\) to .*\.backup\.$/m);
    const restore = scorecard('restore', file);
    assert.equal(restore.status, 1);
    assert.match(restore.stderr, /database: The database already holds 1 council/);
  } finally {
    rmSync(file, { force: true });
  }
});
