// Migrations run forward from an empty database, once each, and a second run changes nothing.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { dropDatabase } from '../testing/database.ts';
import { connect } from './connection.ts';
import { migrate } from './migrate.ts';

const adminUrl = process.env.TEST_DATABASE_URL ?? '';

test('migrations build every table from an empty database and a second run is a no-op', async () => {
  const name = `t_migrate_${randomBytes(5).toString('hex')}`;
  const admin = connect(adminUrl, { max: 1 });
  await sql.raw(`CREATE DATABASE ${name}`).execute(admin);
  const db = connect(adminUrl.replace(/\/[^/]+$/, `/${name}`), { max: 2 });
  try {
    const files = (
      await readdir(path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations'))
    ).filter((f) => f.endsWith('.sql'));
    assert.deepEqual(await migrate(db), files.sort());
    assert.deepEqual(await migrate(db), []);

    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`.execute(
      db,
    );
    const names = tables.rows.map((r) => r.table_name);
    for (const table of [
      'councils',
      'measures',
      'measure_versions',
      'measure_formula_inputs',
      'measure_validation_rules',
      'measure_validation_rule_sets',
      'targets',
      'data_values',
      'data_value_revisions',
      'audit_log',
    ]) {
      assert.ok(names.includes(table), `${table} exists`);
    }
    // Every table holding a council's data carries council_id, so one deployment can serve several councils. The
    // inspectorates' frameworks and judgement scales are national reference data, the same for every council; sign-in
    // attempts (and single sign-ons on their way) are before anyone is known to belong to a council.
    const withoutCouncil = await sql<{ table_name: string }>`
      SELECT t.table_name FROM information_schema.tables t
      WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE'
        AND t.table_name NOT IN ('councils', 'schema_migrations', 'sessions', 'api_tokens', 'sign_in_attempts',
          'sso_sign_ins', 'inspection_frameworks', 'inspection_scale_points', 'inspection_framework_areas')
        AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                        WHERE c.table_name = t.table_name AND c.column_name = 'council_id')`.execute(db);
    assert.deepEqual(withoutCouncil.rows, []);
  } finally {
    await db.destroy();
    await dropDatabase(admin, name);
    await admin.destroy();
  }
});
