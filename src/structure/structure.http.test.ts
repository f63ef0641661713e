// The structure pages and API end to end on the demo council: who may read and edit them, what a saved edit,
// a bad form and a stale version look like to a person, and that scoped readers see only measures in reach.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;

before(async () => {
  t = await startTestApp('demo');
});
after(async () => {
  await t.close();
});

async function signedIn(email: string): Promise<Client> {
  const client = new Client(t.baseUrl);
  await client.signIn(email, DEMO_PASSWORD);
  return client;
}

const admin = 'admin@anytown.example';
const performance = 'performance@anytown.example';
const readers = [
  admin,
  performance,
  'housing.owner@anytown.example',
  'director.housing@anytown.example',
  'cabinet.housing@anytown.example',
  'councillor@anytown.example',
];

const readPages = [
  '/structure',
  '/structure/strategy',
  '/structure/directorates/HOU',
  '/structure/services/HOU-RM',
  '/structure/portfolios/PF-HOU',
  '/structure/committees/SC-PH',
  '/structure/committees/CMT',
];

const formPages = [
  '/structure/priorities/new',
  '/structure/priorities/PR1/edit',
  '/structure/outcomes/new?priority=PR3',
  '/structure/outcomes/OC07/edit',
  '/structure/directorates/new',
  '/structure/directorates/HOU/edit',
  '/structure/services/new?directorate=HOU',
  '/structure/services/HOU-RM/edit',
  '/structure/portfolios/new',
  '/structure/portfolios/PF-HOU/edit',
  '/structure/committees/new',
  '/structure/committees/SC-PH/edit',
];

const postRoutes = [
  '/structure/priorities/new',
  '/structure/priorities/PR1/edit',
  '/structure/outcomes/new',
  '/structure/outcomes/OC07/edit',
  '/structure/directorates/new',
  '/structure/directorates/HOU/edit',
  '/structure/services/new',
  '/structure/services/HOU-RM/edit',
  '/structure/portfolios/new',
  '/structure/portfolios/PF-HOU/edit',
  '/structure/committees/new',
  '/structure/committees/SC-PH/edit',
];

async function version(table: 'directorates' | 'services', code: string): Promise<number> {
  const row = await t.db
    .selectFrom(table)
    .select('version')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  return row.version;
}

describe('who may see and change the structure', () => {
  test('every role with structure.read gets each structure page', async () => {
    for (const email of readers) {
      const client = await signedIn(email);
      for (const path of readPages) {
        const response = await client.get(path);
        assert.equal(response.status, 200, `${email} GET ${path}`);
      }
    }
  });

  test('administrators and performance officers open every add and edit form', async () => {
    for (const email of [admin, performance]) {
      const client = await signedIn(email);
      for (const path of formPages) {
        const response = await client.get(path);
        assert.equal(response.status, 200, `${email} GET ${path}`);
        assert.match(await response.text(), /name="_csrf"/);
      }
    }
  });

  test('a data owner or councillor posting to any edit route gets 403 and nothing changes', async () => {
    const before = await version('directorates', 'HOU');
    for (const email of ['housing.owner@anytown.example', 'councillor@anytown.example']) {
      const client = await signedIn(email);
      for (const path of postRoutes) {
        const response = await client.post(path, {
          code: 'HOU',
          name: 'Taken over',
          version: String(before),
        });
        assert.equal(response.status, 403, `${email} POST ${path}`);
      }
      assert.equal((await client.get('/structure/directorates/HOU/edit')).status, 403);
    }
    assert.equal(await version('directorates', 'HOU'), before);
  });

  test('an external provider is refused the structure with 403', async () => {
    const client = await signedIn('school.provider@anytown.example');
    for (const path of ['/structure', '/structure/strategy', '/structure/services/CHS-EDU']) {
      assert.equal((await client.get(path)).status, 403, path);
    }
    assert.equal((await client.get('/api/v1/structure')).status, 403);
  });

  test('an anonymous visitor is sent to sign in', async () => {
    for (const path of [...readPages, '/structure/directorates/new']) {
      const response = await fetch(t.baseUrl + path, { redirect: 'manual' });
      assert.equal(response.status, 302, path);
      assert.equal(response.headers.get('location'), `/sign-in?next=${encodeURIComponent(path)}`);
    }
  });

  test('a code that does not exist answers 404', async () => {
    const client = await signedIn(admin);
    for (const path of [
      '/structure/directorates/NOPE',
      '/structure/committees/NOPE',
      '/structure/outcomes/NOPE/edit',
    ]) {
      assert.equal((await client.get(path)).status, 404, path);
    }
  });
});

describe('the structure API', () => {
  test('answers 401 in JSON without a token', async () => {
    const response = await fetch(`${t.baseUrl}/api/v1/structure`);
    assert.equal(response.status, 401);
    const body = (await response.json()) as { error: { code: string } };
    assert.equal(body.error.code, 'unauthenticated');
  });

  test('returns the strategy, organisation and governance of the reader’s council', async () => {
    const client = await signedIn(performance);
    const response = await client.get('/api/v1/structure');
    assert.equal(response.status, 200);
    const body = (await response.json()) as {
      strategy: { startYear: number } | null;
      priorities: { code: string }[];
      outcomes: { code: string; priorityCode: string; measureCodes: string[] }[];
      directorates: { code: string }[];
      services: { code: string; directorateCode: string }[];
      portfolios: { code: string; serviceCodes: string[] }[];
      committees: { code: string; kind: string; themes: string[] }[];
    };
    assert.equal(body.strategy?.startYear, 2022);
    assert.deepEqual(
      body.priorities.map((p) => p.code),
      ['PR1', 'PR2', 'PR3', 'PR4'],
    );
    assert.equal(body.outcomes.find((o) => o.code === 'OC07')?.priorityCode, 'PR3');
    assert.ok((body.outcomes.find((o) => o.code === 'OC07')?.measureCodes.length ?? 0) > 0);
    assert.equal(body.services.find((s) => s.code === 'HOU-RM')?.directorateCode, 'HOU');
    assert.ok(body.portfolios.find((p) => p.code === 'PF-HOU')?.serviceCodes.includes('HOU-RM'));
    assert.equal(body.committees.find((c) => c.code === 'CMT')?.kind, 'cmt');
  });

  test('is described in the OpenAPI document under the structure tag', async () => {
    const response = await fetch(`${t.baseUrl}/api/openapi.json`);
    const document = (await response.json()) as { paths: Record<string, { get?: { tags?: string[] } }> };
    assert.deepEqual(document.paths['/api/v1/structure']?.get?.tags, ['structure']);
  });
});

describe('editing through the forms', () => {
  test('a saved edit returns to the record page, which shows the change and a confirmation', async () => {
    const client = await signedIn(admin);
    const current = await version('directorates', 'PLE');
    const response = await client.post('/structure/directorates/PLE/edit', {
      code: 'PLE',
      name: 'Place, Environment & Climate',
      directorName: 'Jonathan Price',
      version: String(current),
    });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('location'), '/structure/directorates/PLE?saved=1');
    const page = await (await client.get('/structure/directorates/PLE?saved=1')).text();
    assert.match(page, /Place, Environment &amp; Climate/);
    assert.match(page, /Your changes were saved/);
  });

  test('a bad form comes back with the error summary naming each field, keeping what was typed', async () => {
    const client = await signedIn(performance);
    const response = await client.post('/structure/services/new', {
      code: 'bad code',
      name: '',
      directorate: 'NOPE',
      headOfService: 'Pat Jones',
    });
    assert.equal(response.status, 400);
    const page = await response.text();
    assert.match(page, /There is a problem/);
    assert.match(page, /href="#code"/);
    assert.match(page, /href="#name"/);
    assert.match(page, /Enter the name of the service/);
    assert.match(page, /There is no directorate NOPE/);
    assert.match(page, /value="Pat Jones"/);
  });

  test('a stale version answers 409, saves nothing and shows what is saved now beside the typed changes', async () => {
    const client = await signedIn(performance);
    const stale = await version('services', 'HOU-TE');
    const first = await client.post('/structure/services/HOU-TE/edit', {
      code: 'HOU-TE',
      name: 'Tenancy Management',
      directorate: 'HOU',
      headOfService: 'Chris Palmer',
      version: String(stale),
    });
    assert.equal(first.status, 302);
    const second = await client.post('/structure/services/HOU-TE/edit', {
      code: 'HOU-TE',
      name: 'Estate Management',
      directorate: 'HOU',
      headOfService: 'Chris Palmer',
      version: String(stale),
    });
    assert.equal(second.status, 409);
    const page = await second.text();
    assert.match(page, /Someone else changed this since you opened it; your changes were not saved/);
    assert.match(page, /Tenancy Management/);
    assert.match(page, /value="Estate Management"/);
    assert.match(page, new RegExp(`name="version" value="${stale + 1}"`));
    const saved = await t.db
      .selectFrom('services')
      .select('name')
      .where('code', '=', 'HOU-TE')
      .executeTakeFirstOrThrow();
    assert.equal(saved.name, 'Tenancy Management');
  });

  test('a committee added with themes and ticked services shows them on its page', async () => {
    const session = await browserSession(admin);
    const body = new URLSearchParams({
      _csrf: session.csrf,
      code: 'SC-CLIMATE',
      title: 'Climate Scrutiny Panel',
      kind: 'select',
      chairName: 'Cllr Dee Green',
      termsOfReference: 'To scrutinise the council’s route to net zero.',
      themes: 'carbon emissions\n\nair quality\n',
    });
    body.append('services', 'PLE-ER');
    body.append('services', 'PLE-EH');
    const response = await fetch(`${t.baseUrl}/structure/committees/new`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: session.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    assert.equal(response.status, 302);
    const page = await (
      await fetch(`${t.baseUrl}/structure/committees/SC-CLIMATE`, { headers: { cookie: session.cookie } })
    ).text();
    assert.match(page, /Climate Scrutiny Panel/);
    assert.match(page, /<li>carbon emissions<\/li>/);
    assert.match(page, /<li>air quality<\/li>/);
    assert.match(page, /Environmental Health &amp; Licensing/);
  });
});

describe('measures shown follow the reader’s reach', () => {
  test('a housing data owner sees housing measures under outcomes but not adult social care ones', async () => {
    const rows = await t.db
      .selectFrom('measures as m')
      .innerJoin('services as s', 's.id', 'm.lead_service_id')
      .innerJoin('measure_outcomes as mo', 'mo.measure_id', 'm.id')
      .select(['m.code', 's.code as service'])
      .where('m.status', '<>', 'retired')
      .execute();
    const housing = rows.find((r) => r.service === 'HOU-RM');
    const adults = rows.find((r) => r.service.startsWith('ASC-'));
    assert.ok(housing && adults, 'the demo has housing and adults measures attached to outcomes');
    const link = (code: string) => `href="/measures/${code}"`;

    const owner = await (
      await (await signedIn('housing.owner@anytown.example')).get('/structure/strategy')
    ).text();
    assert.ok(owner.includes(link(housing.code)));
    assert.ok(!owner.includes(link(adults.code)));

    const officer = await (await (await signedIn(performance)).get('/structure/strategy')).text();
    assert.ok(officer.includes(link(housing.code)));
    assert.ok(officer.includes(link(adults.code)));
  });
});

/** A session by hand, for a form that ticks several checkboxes (a repeated field the Client cannot send). */
async function browserSession(email: string): Promise<{ cookie: string; csrf: string }> {
  const signIn = await fetch(`${t.baseUrl}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
  });
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const page = await (await fetch(`${t.baseUrl}/structure`, { headers: { cookie } })).text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return { cookie, csrf };
}
