// Formula measures in the measure library against real PostgreSQL: the formula is checked against the council's
// library (it reads; it names existing measures of the same frequency; not itself; no cycle), the links in
// measure_formula_inputs follow every edit, and an input keeps the code and frequency its formulas rely on.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { aMeasure } from '../reporting/fixtures.ts';
import { rejects, saveWorld, type SaveWorld } from '../collection/values.fixtures.ts';
import { formulaMeasuresUsing } from './formula-inputs.queries.ts';
import type { MeasureInput } from './measures.schema.ts';
import { saveMeasure } from './measures.service.ts';

let w: SaveWorld;
let serviceCode: string;
before(async () => {
  w = await saveWorld();
  serviceCode = (
    await w.t.db
      .selectFrom('services')
      .select('code')
      .where('id', '=', w.place.serviceId)
      .executeTakeFirstOrThrow()
  ).code;
});
after(async () => w.t.drop());

let counter = 0;
const nextCode = () => `FX-${++counter}`;
const anInput = (frequency: 'monthly' | 'quarterly' = 'monthly') =>
  aMeasure(w.t.db, w.place, { unit: 'count', frequency });

function formulaInput(code: string, formula: string): MeasureInput {
  return {
    code,
    title: 'A calculated measure',
    unit: 'number',
    polarity: 'up',
    frequency: 'monthly',
    accumulation: 'discrete',
    calculationType: 'formula',
    formula,
    leadService: serviceCode,
    status: 'active',
  };
}

const create = (code: string, formula: string) =>
  saveMeasure(w.t.db, w.officer, { input: formulaInput(code, formula) });

async function inputsOf(code: string): Promise<string[]> {
  const rows = await w.t.db
    .selectFrom('measure_formula_inputs as fi')
    .innerJoin('measures as f', 'f.id', 'fi.measure_id')
    .innerJoin('measures as i', 'i.id', 'fi.input_measure_id')
    .select('i.code')
    .where('f.code', '=', code)
    .orderBy('i.code')
    .execute();
  return rows.map((r) => r.code);
}

describe('a formula is checked against the library', () => {
  test('a formula that does not read is refused with the parser’s message and position', async () => {
    const a = await anInput();
    await rejects(
      create(nextCode(), `[${a.code}] +`),
      400,
      'formula',
      `Formula: Expected a number, measure code or '(' at position ${a.code.length + 4} in '[${a.code}] +'`,
    );
  });

  test('a code that is no measure of this council is named', async () => {
    const a = await anInput();
    await rejects(
      create(nextCode(), `[${a.code}] + [HOU-99] + [NOPE-1]`),
      400,
      'formula',
      "Formula: there are no measures HOU-99, NOPE-1 in this council's library",
    );
  });

  test('a measure cannot be calculated from itself', async () => {
    const code = nextCode();
    await rejects(
      create(code, `[${code}] + 1`),
      400,
      'formula',
      `Formula: ${code} cannot be calculated from itself`,
    );
  });

  test('a formula that closes a cycle is refused, naming the cycle', async () => {
    const a = await anInput();
    const [p, q] = [nextCode(), nextCode()];
    await create(p, `[${a.code}] + 1`);
    await create(q, `[${p}] * 2`);
    await rejects(
      saveMeasure(w.t.db, w.officer, { code: p, version: 1, input: { formula: `[${q}] + 1` } }),
      400,
      'formula',
      new RegExp(`^Formula: Formula measures form a cycle: (${p} → ${q} → ${p}|${q} → ${p} → ${q})$`),
    );
  });

  test('an input reported at another frequency is refused, naming it and its frequency', async () => {
    const quarterly = await anInput('quarterly');
    await rejects(
      create(nextCode(), `[${quarterly.code}] * 2`),
      400,
      'formula',
      new RegExp(`^Formula: ${quarterly.code} is reported quarterly but this measure is reported monthly`),
    );
  });

  test('a formula naming no measure is refused', async () => {
    await rejects(create(nextCode(), '1 + 2'), 400, 'formula', /name at least one measure/);
  });
});

describe('the links to a formula’s inputs', () => {
  test('are stored with the measure and follow each change of formula and calculation type', async () => {
    const [a, b] = [await anInput(), await anInput()];
    const code = nextCode();
    await create(code, `[${a.code}] + [${b.code}] + [${a.code}]`);
    assert.deepEqual(await inputsOf(code), [a.code, b.code].sort());
    await saveMeasure(w.t.db, w.officer, { code, version: 1, input: { formula: `[${b.code}] * 2` } });
    assert.deepEqual(await inputsOf(code), [b.code]);
    await saveMeasure(w.t.db, w.officer, { code, version: 2, input: { calculationType: 'value' } });
    assert.deepEqual(await inputsOf(code), []);
  });

  test('answer "what is calculated from X"', async () => {
    const a = await anInput();
    const [p, q] = [nextCode(), nextCode()];
    await create(p, `[${a.code}] + 1`);
    await create(q, `[${a.code}] * 2`);
    assert.deepEqual(
      (await formulaMeasuresUsing(w.t.db, a.id, null)).map((m) => m.code).sort(),
      [p, q].sort(),
    );
  });

  test('keep an input’s code and frequency: changing either is refused while a formula reads it', async () => {
    const code = nextCode();
    const input = await saveMeasure(w.t.db, w.officer, {
      input: { ...formulaInput(code, ''), calculationType: 'value', formula: '' },
    });
    const reader = nextCode();
    await create(reader, `[${input.code}] + 1`);
    await rejects(
      saveMeasure(w.t.db, w.officer, { code, version: 1, input: { code: `${code}X` } }),
      400,
      'code',
      `Code: ${code} is used in the formula of ${reader}; change that formula first, then the code`,
    );
    await rejects(
      saveMeasure(w.t.db, w.officer, { code, version: 1, input: { frequency: 'quarterly' } }),
      400,
      'frequency',
      new RegExp(`^Frequency: ${code} is used in the formula of ${reader}, reported monthly`),
    );
  });
});
