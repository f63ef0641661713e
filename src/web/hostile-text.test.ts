// Words a person types are shown as words: script in a measure's title, a service's name or a figure's commentary
// is escaped on every page (staff and public), and SQL typed into searches, filters, paths and the sign-in form
// changes nothing and finds nothing it should not.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { DEMO_PASSWORD } from '../demo/users.ts';
import { Client, startTestApp, type TestApp } from '../testing/app.ts';

let t: TestApp;
let officer: Client;
before(async () => {
  t = await startTestApp('demo');
  officer = new Client(t.baseUrl);
  await officer.signIn('performance@anytown.example', DEMO_PASSWORD);
});
after(() => t.close());

const SCRIPT = `<script>alert("xss")</script><img src=x onerror="alert('xss')"><svg onload=alert(1)>`;
const ESCAPED = /&lt;script&gt;alert\(&(quot|#34);xss&(quot|#34);\)&lt;\/script&gt;&lt;img src=x onerror=/;

describe('script typed into names and commentary', () => {
  before(async () => {
    // Written straight into the tables: this test is about what the pages make of what is stored, whatever
    // the way in (an import, an old system's data, a form whose checks change).
    await sql`UPDATE measures SET title = title || ' ' || ${SCRIPT} WHERE code = 'ASC-01'`.execute(t.db);
    await sql`UPDATE services SET name = name || ' ' || ${SCRIPT}
              WHERE id = (SELECT lead_service_id FROM measures WHERE code = 'ASC-01')`.execute(t.db);
    await sql`UPDATE data_values SET commentary = ${SCRIPT}
              WHERE measure_id = (SELECT id FROM measures WHERE code = 'ASC-01')`.execute(t.db);
  });

  for (const [who, path] of [
    ['the performance officer', '/measures/ASC-01'],
    ['the performance officer', '/measures?q=ASC-01'],
    ['the performance officer', '/overview'],
    ['a resident', '/public/measures/ASC-01'],
    ['a resident', '/public/search?q=ASC-01'],
  ] as const)
    test(`${path}, as ${who}, shows it escaped and runs none of it`, async () => {
      const client = who === 'a resident' ? new Client(t.baseUrl) : officer;
      const response = await client.get(path);
      const page = await response.text();
      assert.equal(response.status, 200, page.slice(0, 300));
      assert.match(page, ESCAPED, 'the words are on the page, escaped');
      assert.doesNotMatch(page, /<script>alert|<img src=x|<svg onload/i);
    });
});

describe('SQL typed in', () => {
  const attempts = [
    `' OR '1'='1`,
    `'; DROP TABLE measures; --`,
    `1; DELETE FROM data_values`,
    `ASC-01' UNION SELECT password_hash FROM users --`,
    `%' AND 1=0 UNION SELECT email FROM users WHERE '%'='`,
  ];

  async function everything(): Promise<string> {
    const counts = await sql<{ counts: string }>`
      SELECT concat_ws(',', (SELECT count(*) FROM measures), (SELECT count(*) FROM data_values),
        (SELECT count(*) FROM users), (SELECT count(*) FROM councils), (SELECT count(*) FROM services),
        (SELECT md5(string_agg(value::text || commentary, ',' ORDER BY id)) FROM data_values)) AS counts`.execute(
      t.db,
    );
    return counts.rows[0]?.counts ?? '';
  }

  test('into searches, filters, paths and the sign-in form, changes nothing and leaks nothing', async () => {
    const token = `${Date.now()}`;
    const publicCodes = new Set(
      (
        await sql<{
          code: string;
        }>`SELECT code FROM measures WHERE status = 'active' AND 'public' = ANY(tags)`.execute(t.db)
      ).rows.map((r) => r.code),
    );
    const before = await everything();
    const resident = new Client(t.baseUrl);
    for (const attempt of attempts) {
      const q = encodeURIComponent(attempt);
      for (const [client, path] of [
        [resident, `/public/search?q=${q}`],
        [officer, `/measures?q=${q}`],
        [officer, `/api/v1/values?measure=${q}`],
        [officer, `/api/v1/measures/${q}`],
        [officer, `/measures/${q}`],
        [resident, `/public/measures/${q}`],
      ] as const) {
        const response = await client.get(path);
        const body = await response.text();
        assert.ok(response.status < 500, `${path}: ${response.status}`);
        assert.doesNotMatch(body, /\$argon2|@anytown\.example<\/td>/, `${path} leaks accounts`);
        if (path.startsWith('/public/')) {
          const found = [...body.matchAll(/href="\/public\/measures\/([A-Z0-9-]+)"/g)].map((m) => m[1] ?? '');
          assert.deepEqual(
            found.filter((code) => !publicCodes.has(code)),
            [],
            `${path} shows a measure that is not public`,
          );
        }
      }
      const signIn = await new Client(t.baseUrl).post('/sign-in', {
        email: `${attempt}${token}`,
        password: attempt,
      });
      assert.ok(
        [400, 401, 429].includes(signIn.status) || signIn.status === 200,
        `sign-in: ${signIn.status}`,
      );
      assert.equal(signIn.headers.get('location'), null, 'not signed in');
    }
    assert.equal(await everything(), before);
    assert.ok(await sql`SELECT 1 FROM measures LIMIT 1`.execute(t.db), 'the measures table is still there');
  });
});
