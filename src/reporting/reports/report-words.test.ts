import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aReportModel } from './report-model.fixtures.ts';
import { measuresOf, type ReportMeasure } from './report-model.ts';
import {
  codeList,
  countsOf,
  exceptionReasons,
  summaryParagraph,
  type ExceptionFacts,
} from './report-words.ts';

const calm: ExceptionFacts = {
  rag: 'green',
  direction: 'improving',
  spcVariation: 'common_cause',
  spcAssurance: 'pass',
  revisedSinceLastReport: false,
};

describe('exceptionReasons', () => {
  const cases: [string, Partial<ExceptionFacts>, string[]][] = [
    ['a measure on target and improving is no exception', {}, []],
    ['red is an exception', { rag: 'red' }, ['Off target']],
    ['amber alone is not', { rag: 'amber' }, []],
    ['worsening is', { direction: 'worsening' }, ['Worsening']],
    ['not comparable is not', { direction: 'not_comparable' }, []],
    ['special cause concern (high or low) is', { spcVariation: 'concern_high' }, ['Special cause concern']],
    ['special cause improvement is not', { spcVariation: 'improvement_low' }, []],
    ['neutral special cause is not', { spcVariation: 'neutral_high' }, []],
    ['consistently failing is', { spcAssurance: 'fail' }, ['Consistently failing the target']],
    ['hit and miss is not', { spcAssurance: 'inconsistent' }, []],
    ['revised since the last report is', { revisedSinceLastReport: true }, ['Revised since the last report']],
    ['no SPC at all is not', { spcVariation: null, spcAssurance: null }, []],
    [
      'every reason at once, in the issue order',
      {
        rag: 'red',
        direction: 'worsening',
        spcVariation: 'concern_low',
        spcAssurance: 'fail',
        revisedSinceLastReport: true,
      },
      [
        'Off target',
        'Worsening',
        'Special cause concern',
        'Consistently failing the target',
        'Revised since the last report',
      ],
    ],
  ];
  for (const [name, facts, expected] of cases)
    it(name, () => assert.deepEqual(exceptionReasons({ ...calm, ...facts }), expected));
});

describe('codeList', () => {
  it('names one, two and five codes in full and counts the rest beyond five', () => {
    assert.equal(codeList([]), '');
    assert.equal(codeList(['A']), 'A');
    assert.equal(codeList(['A', 'B']), 'A and B');
    assert.equal(codeList(['A', 'B', 'C', 'D', 'E']), 'A, B, C, D and E');
    assert.equal(codeList(['A', 'B', 'C', 'D', 'E', 'F', 'G']), 'A, B, C, D, E and 2 more');
  });
});

describe('summaryParagraph', () => {
  const measures = measuresOf(aReportModel());

  it('counts the measures by RAG and names the exceptions by kind', () => {
    assert.equal(
      summaryParagraph(measures),
      'Of 5 measures, 3 are on target, 1 is within tolerance and 1 is off target. ' +
        '1 is worsening against the previous period: HOU-05. 1 shows special-cause concern: HOU-05. ' +
        '1 is consistently failing the target: HOU-05. 1 figure has been revised since the last report: HOU-12.',
    );
  });

  it('says when there are no exceptions, and when there are no measures', () => {
    const calmOnes = measures.filter((m) => m.exceptionReasons.length === 0);
    assert.equal(
      summaryParagraph(calmOnes),
      'Of 3 measures, 3 are on target. No measure is an exception this period.',
    );
    assert.equal(summaryParagraph([]), 'This report has no measures.');
  });

  it('speaks of measures with no target and no published figure, in the singular when there is one', () => {
    const first = measures[2] as ReportMeasure;
    const two: ReportMeasure[] = [
      { ...first, code: 'X-1', rag: 'not_rated' },
      { ...first, code: 'X-2', rag: 'no_data' },
    ];
    assert.equal(
      summaryParagraph(two),
      'Of 2 measures, 1 has no target and 1 has no published figure. No measure is an exception this period.',
    );
  });

  it('is the same paragraph every time for the same figures', () => {
    assert.equal(summaryParagraph(measures), summaryParagraph([...measures]));
  });
});

describe('countsOf', () => {
  it('counts each measure once, exceptions included', () => {
    const counts = countsOf(measuresOf(aReportModel()));
    assert.deepEqual(counts, { ...aReportModel().counts, amber: 1 });
  });
});
