// Every measures route over real HTTP: who may use it (2xx), who may not (403), anonymous callers (401 JSON or
// a redirect to sign in), out-of-reach measures (404), and API errors that name the field.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createApiToken } from '../access/api-tokens.ts';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

const officerEmail = 'performance@anytown.example';
const housingOwnerEmail = 'housing.owner@anytown.example';
const adultsOwnerEmail = 'adults.owner@anytown.example';

describe('measures over HTTP', () => {
  let app: TestApp;
  const clients = new Map<string, Client>();
  const as = async (email: string) => {
    let client = clients.get(email);
    if (!client) {
      client = new Client(app.baseUrl);
      await client.signIn(email, DEMO_PASSWORD);
      clients.set(email, client);
    }
    return client;
  };
  const tokens = new Map<string, string>();
  const api = async (email: string | null, method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = {};
    if (email) {
      const token = tokens.get(email) ?? (await createApiToken(app.db, { email, scopes: ['all'] }));
      tokens.set(email, token);
      headers.authorization = `Bearer ${token}`;
    }
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(app.baseUrl + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      json: (await response.json()) as Record<string, unknown> & {
        error?: { code: string; details: { field: string; message: string }[]; message: string };
      },
    };
  };

  before(async () => {
    app = await startTestApp('demo');
  });
  after(async () => app.close());

  describe('pages', () => {
    test('an anonymous visitor is sent to sign in', async () => {
      for (const path of ['/measures', '/measures/HOU-07', '/measures/new', '/measures/HOU-07/targets']) {
        const response = await fetch(app.baseUrl + path, { redirect: 'manual' });
        assert.equal(response.status, 302, path);
        assert.match(response.headers.get('location') ?? '', /^\/sign-in\?next=/);
      }
    });

    test('the library lists, searches and filters, with each RAG as text and symbol', async () => {
      const client = await as('councillor@anytown.example');
      const all = await client.get('/measures');
      assert.equal(all.status, 200);
      const html = await (await client.get('/measures?q=damp&rag=red')).text();
      assert.match(html, /match your filters/);
      const badges = [
        ...html.matchAll(/class="app-rag app-rag--(\w+)"><span aria-hidden="true">(.)<\/span> ([^<]+)</g),
      ];
      assert.ok(badges.length > 0, 'some damp measure is off target in the demo');
      for (const badge of badges) assert.deepEqual(badge.slice(1), ['red', '✕', 'Off target']);
      const bad = await client.get('/measures?tag=secret');
      assert.equal(bad.status, 400);
      assert.match(await bad.text(), /href="#tag">Tag: &#39;secret&#39; is not one of the choices/);
    });

    test('the measure page shows the measure and only the links the user may follow', async () => {
      const officer = await (await as(officerEmail)).get('/measures/HOU-07');
      const officerHtml = await officer.text();
      assert.equal(officer.status, 200);
      assert.match(officerHtml, /Edit measure/);
      assert.match(officerHtml, /Set targets/);
      assert.match(officerHtml, /Version history/);
      assert.match(officerHtml, /id="performance-heading"/);
      const owner = await (await as(housingOwnerEmail)).get('/measures/HOU-07');
      const ownerHtml = await owner.text();
      assert.equal(owner.status, 200);
      assert.doesNotMatch(ownerHtml, /Edit measure/);
      assert.match(ownerHtml, /href="\/my-measures\/HOU-07\/[0-9-]+">Enter a value/);
      const director = await (await as('director.housing@anytown.example')).get('/measures/HOU-07');
      assert.doesNotMatch(await director.text(), /Enter a value/);
    });

    test('a data owner of another service gets 404 for a measure outside their reach, as for a missing one', async () => {
      const client = await as(adultsOwnerEmail);
      assert.equal((await client.get('/measures/HOU-07')).status, 404);
      assert.equal((await client.get('/measures/HOU-07/versions')).status, 404);
      assert.equal((await client.get('/measures/NO-SUCH')).status, 404);
    });

    test('only a performance officer may add or edit measures', async () => {
      const owner = await as(housingOwnerEmail);
      assert.equal((await owner.get('/measures/new')).status, 403);
      assert.equal((await owner.post('/measures/new', { code: 'X-1', title: 'x' })).status, 403);
      assert.equal((await owner.get('/measures/HOU-07/edit')).status, 403);
      assert.equal((await owner.post('/measures/HOU-07/edit', { title: 'x' })).status, 403);
      assert.equal((await (await as(officerEmail)).get('/measures/new')).status, 200);
    });

    test('adding a measure saves it and goes to its page; a bad form comes back with the fields named', async () => {
      const client = await as(officerEmail);
      const form = {
        code: 'HOU-90',
        title: 'Complaints about damp answered within 10 days',
        calculationType: 'value',
        unit: 'count',
        decimals: '0',
        polarity: 'up',
        frequency: 'monthly',
        accumulation: 'discrete',
        leadService: 'HOU-RM',
        status: 'draft',
        externalRefs: 'TSM:CH01\nLGINFORM:1234',
      };
      const bad = await client.post('/measures/new', {
        ...form,
        code: 'hou 90',
        decimals: 'two',
        'effectiveFrom-day': '31',
        'effectiveFrom-month': '2',
        'effectiveFrom-year': '2026',
      });
      assert.equal(bad.status, 400);
      const badHtml = await bad.text();
      assert.match(badHtml, /href="#code">Code must start with a capital letter/);
      assert.match(badHtml, /href="#decimals">Decimal places must be a whole number from 0 to 6/);
      assert.match(badHtml, /href="#effectiveFrom-day">Effective from must be a real date/);
      assert.match(badHtml, /value="Complaints about damp answered within 10 days"/, 'keeps what was typed');
      const created = await client.post('/measures/new', form);
      assert.equal(created.status, 303);
      assert.equal(created.headers.get('location'), '/measures/HOU-90?saved=1');
      const page = await (await client.get('/measures/HOU-90?saved=1')).text();
      assert.match(page, /The measure was saved/);
      assert.match(page, /TSM CH01/);
    });

    test('a stale edit is refused with 409 and the person’s changes are kept in the form', async () => {
      const client = await as(officerEmail);
      const editForm = await (await client.get('/measures/HOU-08/edit')).text();
      const version = /name="version" value="(\d+)"/.exec(editForm)?.[1];
      assert.ok(version);
      const base = {
        code: 'HOU-08',
        title: 'Damp and mould reports received',
        unit: 'count',
        decimals: '0',
        polarity: 'none',
        frequency: 'monthly',
        accumulation: 'discrete',
        calculationType: 'value',
        leadService: 'HOU-RM',
        status: 'active',
        version,
      };
      assert.equal((await client.post('/measures/HOU-08/edit', { ...base, note: 'First' })).status, 303);
      const stale = await client.post('/measures/HOU-08/edit', { ...base, title: 'My late change' });
      assert.equal(stale.status, 409);
      const html = await stale.text();
      assert.match(
        html,
        /Someone else changed this measure since you opened it \(now version \d+ by Hannah Wright at [^)]+\)\. Your changes have not been saved\./,
      );
      assert.match(html, /value="My late change"/);
      const history = await (await client.get('/measures/HOU-08/versions')).text();
      assert.match(history, /First/);
    });

    test('targets: readers see them, only a performance officer sets them, bad input is named', async () => {
      const owner = await as(housingOwnerEmail);
      assert.equal((await owner.get('/measures/HOU-07/targets')).status, 200);
      assert.equal(
        (await owner.post('/measures/HOU-07/targets', { form: 'period', period: '2030-04', value: '90' }))
          .status,
        403,
      );
      const officer = await as(officerEmail);
      const bad = await officer.post('/measures/HOU-07/targets', {
        form: 'period',
        period: '2030-31',
        value: '90',
        toleranceKind: 'percent',
        tolerance: '-1',
      });
      assert.equal(bad.status, 400);
      const html = await bad.text();
      assert.match(html, /href="#period">Period: 2030-31 is a financial year but HOU-07 is reported monthly/);
      assert.match(html, /href="#tolerance">Tolerance must be a number, 0 or more/);
      const saved = await officer.post('/measures/HOU-07/targets', {
        form: 'period',
        period: '2030-04',
        value: '97.5',
      });
      assert.equal(saved.status, 303);
      const profile = await officer.post('/measures/HOU-07/targets', {
        form: 'profile',
        year: '2031-32',
        value: '100',
        profile: 'flat',
      });
      assert.equal(profile.status, 303);
      const context = await officer.post('/measures/HOU-08/targets', {
        form: 'period',
        period: '2030-04',
        value: '5',
      });
      assert.equal(context.status, 400);
      assert.match(
        await context.text(),
        /Targets cannot be set for a measure with no polarity \(a demand or context measure\)/,
      );
    });
  });

  describe('API', () => {
    test('anonymous callers get 401 JSON', async () => {
      for (const path of ['/api/v1/measures', '/api/v1/measures/HOU-07', '/api/v1/periods/2025-26']) {
        const { status, json } = await api(null, 'GET', path);
        assert.equal(status, 401, path);
        assert.equal(json.error?.code, 'unauthenticated');
      }
    });

    test('lists and reads measures in reach; out of reach is 404', async () => {
      const list = await api(housingOwnerEmail, 'GET', '/api/v1/measures?q=damp&status=active');
      assert.equal(list.status, 200);
      const codes = (list.json.measures as { code: string }[]).map((m) => m.code);
      assert.ok(codes.includes('HOU-07'));
      assert.equal(list.json.count, codes.length);
      const one = await api(housingOwnerEmail, 'GET', '/api/v1/measures/HOU-07');
      assert.equal(one.status, 200);
      assert.equal(one.json.polarity, 'up');
      assert.equal('id' in one.json, false, 'internal ids are not part of the contract');
      assert.equal((await api(adultsOwnerEmail, 'GET', '/api/v1/measures/HOU-07')).status, 404);
      assert.equal((await api(adultsOwnerEmail, 'GET', '/api/v1/measures/HOU-07/targets')).status, 404);
    });

    test('creates and edits a measure; a stale version is 409; other roles are 403', async () => {
      const body = {
        code: 'API-01',
        title: 'Made by the API',
        unit: 'percent',
        polarity: 'up',
        frequency: 'quarterly',
        accumulation: 'discrete',
        leadService: 'HOU-TE',
      };
      assert.equal((await api(housingOwnerEmail, 'POST', '/api/v1/measures', body)).status, 403);
      const created = await api(officerEmail, 'POST', '/api/v1/measures', body);
      assert.equal(created.status, 201);
      assert.equal(created.json.version, 1);
      const edited = await api(officerEmail, 'PUT', '/api/v1/measures/API-01', {
        version: 1,
        title: 'Renamed',
      });
      assert.equal(edited.status, 200);
      assert.equal(edited.json.version, 2);
      const stale = await api(officerEmail, 'PUT', '/api/v1/measures/API-01', { version: 1, title: 'Late' });
      assert.equal(stale.status, 409);
      assert.match(stale.json.error?.message ?? '', /now version 2/);
      assert.equal(
        (await api(housingOwnerEmail, 'PUT', '/api/v1/measures/API-01', { version: 2 })).status,
        403,
      );
    });

    test('a 400 names the field, from the schema or from the use case', async () => {
      const schema = await api(officerEmail, 'POST', '/api/v1/measures', {
        code: 'API-02',
        title: 'x',
        unit: 'furlongs',
        polarity: 'up',
        frequency: 'monthly',
        accumulation: 'discrete',
      });
      assert.equal(schema.status, 400);
      assert.equal(schema.json.error?.details[0]?.field, 'unit');
      const rule = await api(officerEmail, 'POST', '/api/v1/measures', {
        code: 'API-02',
        title: 'x',
        unit: 'percent',
        polarity: 'up',
        frequency: 'monthly',
        accumulation: 'discrete',
        calculationType: 'ratio',
      });
      assert.equal(rule.status, 400);
      assert.deepEqual(
        rule.json.error?.details.map((d) => d.field),
        ['numeratorLabel', 'denominatorLabel'],
      );
      const missingVersion = await api(officerEmail, 'PUT', '/api/v1/measures/HOU-07', { title: 'x' });
      assert.equal(missingVersion.status, 400);
      assert.equal(missingVersion.json.error?.details[0]?.field, 'version');
    });

    test('sets a target by period with its version; the wrong kind of period is named', async () => {
      assert.equal(
        (await api(housingOwnerEmail, 'PUT', '/api/v1/measures/HOU-07/targets/2034-04', { value: 90 }))
          .status,
        403,
      );
      const set = await api(officerEmail, 'PUT', '/api/v1/measures/HOU-07/targets/2034-04', {
        value: 90,
        tolerance: { kind: 'absolute', amount: 5 },
      });
      assert.equal(set.status, 200);
      assert.equal(set.json.version, 1);
      assert.equal(
        (await api(officerEmail, 'PUT', '/api/v1/measures/HOU-07/targets/2034-04', { value: 91 })).status,
        409,
      );
      assert.equal(
        (await api(officerEmail, 'PUT', '/api/v1/measures/HOU-07/targets/2034-04', { value: 91, version: 1 }))
          .status,
        200,
      );
      const wrong = await api(officerEmail, 'PUT', '/api/v1/measures/HOU-07/targets/2034-35', { value: 91 });
      assert.equal(wrong.status, 400);
      assert.equal(wrong.json.error?.details[0]?.field, 'period');
      const list = await api(housingOwnerEmail, 'GET', '/api/v1/measures/HOU-07/targets');
      assert.ok(
        (list.json.targets as { period: string; value: number }[]).some(
          (t) => t.period === '2034-04' && t.value === 91,
        ),
      );
    });

    test('periods: a range of months, one period described, and a bad key named', async () => {
      const months = await api(
        adultsOwnerEmail,
        'GET',
        '/api/v1/periods?frequency=monthly&from=2025-04&to=2026-03',
      );
      assert.equal(months.status, 200);
      const periods = months.json.periods as { key: string; label: string; start: string; end: string }[];
      assert.equal(periods.length, 12);
      assert.deepEqual(periods[0], {
        key: '2025-04',
        label: 'April 2025',
        kind: 'month',
        start: '2025-04-01',
        end: '2025-04-30',
      });
      const quarter = await api(adultsOwnerEmail, 'GET', '/api/v1/periods/2025-26-Q4');
      assert.deepEqual(quarter.json, {
        key: '2025-26-Q4',
        label: 'Q4 2025/26',
        kind: 'quarter',
        start: '2026-01-01',
        end: '2026-03-31',
        previous: '2025-26-Q3',
        next: '2026-27-Q1',
        samePeriodLastYear: '2024-25-Q4',
      });
      const bad = await api(adultsOwnerEmail, 'GET', '/api/v1/periods/2025-13');
      assert.equal(bad.status, 400);
      assert.equal(bad.json.error?.details[0]?.field, 'key');
      assert.match(bad.json.error?.details[0]?.message ?? '', /'2025-13' is not a valid period/);
      const mixed = await api(
        adultsOwnerEmail,
        'GET',
        '/api/v1/periods?frequency=monthly&from=2025-26&to=2026-03',
      );
      assert.equal(mixed.status, 400);
      assert.equal(mixed.json.error?.details[0]?.field, 'from');
    });

    test('the OpenAPI document describes the measures, targets and periods API', async () => {
      const doc = (await (await fetch(`${app.baseUrl}/api/openapi.json`)).json()) as {
        paths: Record<string, unknown>;
      };
      for (const path of [
        '/api/v1/measures',
        '/api/v1/measures/{code}',
        '/api/v1/measures/{code}/targets/{period}',
        '/api/v1/periods/{key}',
      ]) {
        assert.ok(doc.paths[path], path);
      }
    });
  });
});
