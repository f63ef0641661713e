// Previewing and committing uploads against real PostgreSQL: each row's verdict, nothing written by a preview,
// a commit all or nothing (even when the database refuses a row half-way), provenance, and a second commit of
// the same file changing nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'kysely';
import { aMeasure, aService, aValue, countRows } from '../../reporting/fixtures.ts';
import { AppError } from '../../web/errors.ts';
import { saveWorld, type SaveWorld } from '../values.fixtures.ts';
import { defaultLimits } from './limits.ts';
import { commitUpload, sha256Of } from './upload.commit.ts';
import { commitPreviewed, previewFile } from './upload.service.ts';

let w: SaveWorld;
let count: { id: string; code: string };
let ratio: { id: string; code: string };
let total: { id: string; code: string };
let elsewhere: { id: string; code: string };

before(async () => {
  w = await saveWorld();
  count = await aMeasure(w.t.db, w.place, { unit: 'count', decimals: 0 });
  ratio = await aMeasure(w.t.db, w.place, { calculation_type: 'ratio' });
  total = await aMeasure(w.t.db, w.place, {
    unit: 'count',
    calculation_type: 'formula',
    formula: `[${count.code}] * 2`,
  });
  await w.t.db
    .insertInto('measure_formula_inputs')
    .values({ council_id: w.place.councilId, measure_id: total.id, input_measure_id: count.id })
    .execute();
  const otherService = await aService(w.t.db, w.place.councilId, w.place.directorateId);
  elsewhere = await aMeasure(w.t.db, { ...w.place, serviceId: otherService }, { unit: 'count' });
});
after(async () => w.t.drop());

const file = (text: string, fileName = 'figures.csv') => ({ fileName, bytes: Buffer.from(text, 'utf8') });

async function written() {
  return {
    values: await countRows(w.t.db, 'data_values'),
    revisions: await countRows(w.t.db, 'data_value_revisions'),
    audit: await countRows(w.t.db, 'audit_log'),
    committed: Number(
      (
        await sql<{ n: number }>`SELECT count(*)::int AS n FROM uploads WHERE outcome = 'committed'`.execute(
          w.t.db,
        )
      ).rows[0]?.n,
    ),
  };
}

describe('the preview', () => {
  test('gives each row accepted, warning or error with the row and column, and writes nothing', async () => {
    await aValue(w.t.db, w.place.councilId, count.id, '2024-05', { value: 7, status: 'published' });
    const before = await written();
    const text = [
      'measure_code,period,value,numerator,denominator,extra',
      `${count.code},2024-04,"1,234",,,x`,
      `${count.code},2024-05,8,,,`,
      `${ratio.code},2024-04,,45,50,`,
      `${ratio.code},2024-05,,51,50,`,
      `NOPE-1,2024-04,1,,,`,
      `${elsewhere.code},2024-04,1,,,`,
      `${total.code},2024-04,1,,,`,
      `${count.code},2024-06,abc,,,`,
    ].join('\n');
    const result = await previewFile(w.t.db, w.owner, file(text), defaultLimits, { keep: false });
    assert.deepEqual(
      result.preview.rows.map((r) => [r.row, r.status, r.messages.map((m) => m.text).join(' | ')]),
      [
        [2, 'accepted', 'row 2: a new figure'],
        [3, 'warning', 'row 3, column value: replaces the published figure 7; it will show as revised'],
        [4, 'accepted', 'row 4: a new figure'],
        [
          5,
          'error',
          'row 5, column numerator: 51 is greater than the denominator 50; a percentage cannot be more than 100%',
        ],
        [6, 'error', "row 6, column measure_code: there is no measure with the code 'NOPE-1'"],
        [7, 'error', `row 7, column measure_code: there is no measure with the code '${elsewhere.code}'`],
        [
          8,
          'error',
          `row 8, column value: ${total.code} is calculated from its formula: enter its inputs (${count.code}) and its figure is worked out from them`,
        ],
        [9, 'error', "row 9, column value: 'abc' is not a number"],
      ],
    );
    assert.deepEqual(result.preview.counts, { accepted: 2, warning: 1, error: 5 });
    assert.deepEqual(result.preview.fileWarnings, [
      'The file has a column an upload does not read, ignored: extra',
    ]);
    assert.equal(result.uploadId, null, 'a file with errors is not kept for a commit');
    assert.deepEqual(await written(), before);
  });
});

describe('committing', () => {
  test('refuses a file with any error row and writes nothing', async () => {
    const before = await written();
    const text = `measure_code,period,value\n${count.code},2023-04,1\n${count.code},2023-05,abc\n`;
    await assert.rejects(commitUpload(w.t.db, w.officer, file(text), defaultLimits), (error: unknown) => {
      assert.ok(error instanceof AppError);
      assert.equal(error.statusCode, 400);
      assert.equal(
        error.message,
        "The file has 1 row with errors, so nothing was written (the first: row 3, column value: 'abc' is not a number). Correct them and upload the file again.",
      );
      return true;
    });
    assert.deepEqual(await written(), before);
  });

  test('leaves nothing behind when the database refuses a row half-way through', async () => {
    await sql`ALTER TABLE data_values ADD CONSTRAINT test_refuses_999 CHECK (value <> 999)`.execute(w.t.db);
    try {
      const before = await written();
      const text = `measure_code,period,value\n${count.code},2022-04,1\n${count.code},2022-05,2\n${count.code},2022-06,999\n`;
      await assert.rejects(commitUpload(w.t.db, w.officer, file(text), defaultLimits), /test_refuses_999/);
      assert.deepEqual(await written(), before);
    } finally {
      await sql`ALTER TABLE data_values DROP CONSTRAINT test_refuses_999`.execute(w.t.db);
    }
  });

  test('writes every figure with its revision, audit row and provenance, and works out formula measures', async () => {
    const before = await written();
    const text = `measure_code,period,value,numerator,denominator,breakdown\n${count.code},2021-04,10,,,\n${count.code},2021-04,4,,,ward:A\n${ratio.code},2021-04,,9,10,\n`;
    const result = await commitUpload(w.t.db, w.officer, file(text, 'april.csv'), defaultLimits);
    assert.equal(result.outcome, 'committed');
    assert.ok(result.outcome === 'committed');
    assert.equal(result.written, 3);
    const upload = await w.t.db
      .selectFrom('uploads')
      .selectAll()
      .where('id', '=', result.uploadId as never)
      .executeTakeFirstOrThrow();
    assert.equal(upload.file_name, 'april.csv');
    assert.equal(upload.sha256, sha256Of(Buffer.from(text)));
    assert.equal(String(upload.uploaded_by), w.officer.id);
    assert.equal(upload.rows, 3);
    assert.equal(upload.outcome, 'committed');
    const rows = await w.t.db
      .selectFrom('data_values')
      .select(['measure_id', 'breakdown', 'value', 'source', 'source_ref', 'status'])
      .where('period', '=', '2021-04')
      .orderBy('measure_id')
      .orderBy('breakdown')
      .execute();
    assert.deepEqual(
      rows.map((r) => [String(r.measure_id), r.breakdown, Number(r.value), r.source, r.source_ref, r.status]),
      [
        [count.id, '', 10, 'upload', result.uploadId, 'submitted'],
        [count.id, 'ward:A', 4, 'upload', result.uploadId, 'submitted'],
        [ratio.id, '', 90, 'upload', result.uploadId, 'submitted'],
        [total.id, '', 20, 'formula', '', 'submitted'],
      ],
    );
    const after = await written();
    assert.equal(after.values - before.values, 4);
    assert.equal(after.revisions - before.revisions, 4);
    assert.equal(after.audit - before.audit, 4);
    assert.equal(after.committed - before.committed, 1);
  });

  test('the same file committed again changes nothing and says so', async () => {
    const text = `measure_code,period,value\n${count.code},2020-04,5\n`;
    const first = await commitUpload(w.t.db, w.officer, file(text), defaultLimits);
    assert.equal(first.outcome, 'committed');
    const before = await written();
    const second = await commitUpload(w.t.db, w.owner, file(text, 'renamed.csv'), defaultLimits);
    assert.equal(second.outcome, 'already_committed');
    assert.ok(second.outcome === 'already_committed' && first.outcome === 'committed');
    assert.equal(second.upload.id, first.uploadId);
    assert.deepEqual(await written(), before);
  });

  test('commits a previewed file from the bytes the server kept, only with the hash that was previewed', async () => {
    const text = `measure_code,period,value\n${count.code},2019-04,3\n`;
    const previewed = await previewFile(w.t.db, w.owner, file(text), defaultLimits, { keep: true });
    assert.ok(previewed.uploadId);
    await assert.rejects(
      commitPreviewed(w.t.db, w.owner, previewed.uploadId, '0'.repeat(64), defaultLimits),
      /The file committed is not the file previewed/,
    );
    await assert.rejects(
      commitPreviewed(w.t.db, w.officer, previewed.uploadId, previewed.sha256, defaultLimits),
      /That preview has expired or was already committed/,
      "another person cannot commit someone's preview",
    );
    const committed = await commitPreviewed(
      w.t.db,
      w.owner,
      previewed.uploadId,
      previewed.sha256,
      defaultLimits,
    );
    assert.equal(committed.outcome, 'committed');
    const row = await w.t.db
      .selectFrom('uploads')
      .select(['outcome', 'content'])
      .where('id', '=', previewed.uploadId as never)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { outcome: 'committed', content: null });
    const again = await commitPreviewed(w.t.db, w.owner, previewed.uploadId, previewed.sha256, defaultLimits);
    assert.equal(again.outcome, 'already_committed');
  });
});

describe("a measure's validation rules in an upload", () => {
  test('a hard rule makes the row an error; a soft one needs the commentary, which is kept with the figure', async () => {
    const ruled = await aMeasure(w.t.db, w.place, { unit: 'count', decimals: 0 });
    const rule = (severity: 'hard' | 'soft', max: number) => ({
      council_id: w.place.councilId,
      measure_id: ruled.id,
      kind: 'range' as const,
      severity,
      parameters: JSON.stringify({ min: 0, max }),
    });
    await w.t.db
      .insertInto('measure_validation_rules')
      .values([rule('hard', 1000), rule('soft', 100)])
      .execute();
    const text = (commentary: string) =>
      [
        'measure_code,period,value,commentary',
        `${ruled.code},2024-04,5000,`,
        `${ruled.code},2024-05,500,${commentary}`,
        `${ruled.code},2024-06,50,`,
      ].join('\n');
    const unexplained = await previewFile(w.t.db, w.owner, file(text('')), defaultLimits, { keep: false });
    const [hard, soft, fine] = unexplained.preview.rows;
    assert.equal(hard?.status, 'error');
    assert.equal(hard?.messages[0]?.column, 'value');
    assert.equal(soft?.status, 'error');
    assert.equal(soft?.messages[0]?.column, 'commentary');
    assert.match(
      soft?.messages[0]?.text ?? '',
      /row 3, column commentary: explain in commentary why this figure is right/,
    );
    assert.equal(fine?.status, 'accepted');

    const explained = [
      'measure_code,period,value,commentary',
      `${ruled.code},2024-05,500,A one-off: the spring clear-out`,
    ].join('\n');
    const preview = await previewFile(w.t.db, w.owner, file(explained, 'explained.csv'), defaultLimits, {
      keep: true,
    });
    // Explained, it goes in — shown as a warning, so whoever commits the file reads it first.
    assert.equal(preview.preview.rows[0]?.status, 'warning');
    assert.match(
      preview.preview.rows[0]?.messages[0]?.text ?? '',
      /saved with the commentary as its explanation/,
    );
    assert.ok(preview.uploadId);
    await commitPreviewed(w.t.db, w.owner, preview.uploadId, preview.sha256, defaultLimits);
    const stored = await w.t.db
      .selectFrom('data_values')
      .select(['value', 'quality_flags'])
      .where('measure_id', '=', ruled.id)
      .where('period', '=', '2024-05')
      .executeTakeFirstOrThrow();
    assert.equal(Number(stored.value), 500);
    assert.equal(stored.quality_flags.length, 2);
    assert.match(stored.quality_flags[0] ?? '', /^Warning: /);
    assert.equal(stored.quality_flags[1], 'Explanation: A one-off: the spring clear-out');
    // As from the entry form, the warning is an open data-quality finding answered by the commentary.
    const findings = await w.t.db
      .selectFrom('data_quality_findings')
      .select(['kind', 'status', 'response'])
      .where('measure_id', '=', ruled.id)
      .where('period', '=', '2024-05')
      .execute();
    assert.deepEqual(findings, [
      { kind: 'rule', status: 'open', response: 'A one-off: the spring clear-out' },
    ]);
  });
});
