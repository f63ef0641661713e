// Progress in words, by the table: counts of on target, close, off target, improving and worsening, and a measure's
// judgement always written out.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { aReportModel } from '../reporting/reports/report-model.fixtures.ts';
import { measuresOf, type ReportMeasure } from '../reporting/reports/report-model.ts';
import { judgementWords, progressOf } from './public-progress.ts';

const base = measuresOf(aReportModel())[0];
assert.ok(base);
const aMeasure = (over: Partial<ReportMeasure>): ReportMeasure => ({ ...base, spc: null, ...over });
const trend = (judgement: ReportMeasure['direction']['judgement']) => ({
  judgement,
  label: '',
  previousDisplay: '',
});

test('counts on target, off target, improving and worsening, and says so in a sentence', () => {
  const p = progressOf([
    aMeasure({ rag: 'green', direction: trend('improving') }),
    aMeasure({ rag: 'green', direction: trend('no_change') }),
    aMeasure({ rag: 'red', direction: trend('worsening') }),
    aMeasure({ rag: 'amber', direction: trend('improving') }),
  ]);
  assert.deepEqual(
    [p.measures, p.onTarget, p.nearTarget, p.offTarget, p.improving, p.worsening],
    [4, 2, 1, 1, 2, 1],
  );
  assert.equal(
    p.sentence,
    'Of 4 measures, 2 are on target, 1 is close to target, 1 is off target. Since the period before, 2 have improved and 1 has got worse.',
  );
});

test('a special-cause concern is counted and mentioned', () => {
  const concern = aMeasure({
    rag: 'red',
    direction: trend('worsening'),
    spc: {
      variation: 'concern_low',
      variationLabel: '',
      variationTone: 'concern',
      assurance: null,
      assuranceLabel: null,
      reading: '',
    },
  });
  const p = progressOf([concern]);
  assert.equal(p.concern, 1);
  assert.match(p.sentence, /1 measure shows a change beyond normal variation/);
  assert.deepEqual(judgementWords(concern), [
    'Off target',
    'Worsening since the period before',
    'Special-cause concern: a change beyond normal variation, for the worse',
  ]);
});

test('no measures, or none with a figure, is said plainly', () => {
  assert.equal(progressOf([]).sentence, 'No measures of progress are published for this yet.');
  assert.equal(
    progressOf([aMeasure({ value: null, rag: 'no_data', direction: trend('not_comparable') })]).sentence,
    '1 measure is tracked here; none has a published figure yet.',
  );
  assert.match(
    progressOf([aMeasure({ rag: 'not_rated' })]).sentence,
    /none has a target to judge it against/,
  );
});
