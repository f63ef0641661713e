// Where "/" leads: staff to their overview or to sign in; on the residents' own host name, to the residents' site.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readConfig } from '../config.ts';
import { freshDatabase, type TestDatabase } from '../testing/database.ts';
import { buildServer } from './server.ts';

let database: TestDatabase;
before(async () => {
  database = await freshDatabase('empty');
});
after(() => database.drop());

async function frontDoor(host: string, publicHost: string | undefined): Promise<string | undefined> {
  const config = { ...readConfig({}), logLevel: 'silent', publicHost };
  const app = await buildServer({ db: database.db, config }, { logger: false });
  try {
    const response = await app.inject({ method: 'GET', url: '/', headers: { host } });
    assert.equal(response.statusCode, 302);
    return response.headers.location as string | undefined;
  } finally {
    await app.close();
  }
}

test("on the residents' host name the front door is the residents' site, with or without a port", async () => {
  assert.equal(await frontDoor('performance.anytown.gov.uk', 'performance.anytown.gov.uk'), '/public');
  assert.equal(await frontDoor('performance.anytown.gov.uk:8443', 'performance.anytown.gov.uk'), '/public');
});

test('on any other host name an anonymous visitor is asked to sign in', async () => {
  assert.equal(await frontDoor('scorecard.anytown.gov.uk', 'performance.anytown.gov.uk'), '/sign-in');
  assert.equal(await frontDoor('127.0.0.1:3000', undefined), '/sign-in');
});
