// One measure's page of the paper: its heading, why it is an exception, a key-facts table (figure, target, RAG,
// direction, SPC, revision, sign-off — each in words), the commentary, and its chart with a text alternative.
import { periodLabel, tryParsePeriod } from '../../../assessment/index.ts';
import type { ReportMeasure } from '../report-model.ts';
import { heading, paragraph, type MarkedText, type PaperBlock, type PaperCell } from './paper-blocks.ts';

export function measurePage(m: ReportMeasure, newPage: boolean): PaperBlock[] {
  return [
    heading(2, `${m.code} ${m.title}`, newPage),
    ...(m.exceptionReasons.length > 0
      ? [paragraph('Why it is an exception:'), { kind: 'bullets' as const, items: m.exceptionReasons }]
      : []),
    { kind: 'table', header: ['Key fact', 'Detail'], rows: keyFacts(m), widths: [1, 2] },
    heading(3, 'Commentary'),
    paragraph(m.commentary.trim() || 'No commentary was given for this period.'),
    m.chartSvg
      ? { kind: 'chart', svg: m.chartSvg, alt: m.chartAlt, name: `Chart of ${m.code}` }
      : paragraph('No chart: there are no published figures for this measure yet.'),
  ];
}

export function ragCell(m: ReportMeasure): MarkedText {
  return { symbol: m.ragSymbol, text: m.ragLabel };
}

export function keyFacts(m: ReportMeasure): PaperCell[][] {
  const { spc, revisedSinceLastReport: revised, signedOffIn } = m;
  return [
    [m.periodLabel ? `Figure for ${m.periodLabel}` : 'Figure', m.display],
    ['Target', m.targetDisplay],
    ['RAG rating', ragCell(m)],
    [
      'Direction of travel',
      m.direction.previousDisplay
        ? `${m.direction.label} (previous figure ${m.direction.previousDisplay})`
        : m.direction.label,
    ],
    ['SPC variation', spc ? spc.variationLabel : 'Not assessed'],
    ['SPC assurance', spc ? (spc.assuranceLabel ?? 'Not applicable: no target to assure') : 'Not assessed'],
    ...(spc?.reading ? [['SPC reading', spc.reading]] : []),
    ['Revised since the last report', revised ? revisionInWords(revised) : 'No'],
    ...(signedOffIn === null
      ? []
      : [
          [
            'Signed off in',
            signedOffIn.length > 0
              ? signedOffIn.join('; ')
              : 'No Cabinet portfolio: flagged, as no portfolio has signed this measure off',
          ],
        ]),
    ...(m.benchmarks?.length ? [['Compared with similar councils', m.benchmarks.join(' ')]] : []),
    ['Service', m.service],
    ['Polarity', m.polarityLabel],
  ];
}

/** As the web page words it: "The Q1 2026/27 report showed 229 for June 2026; it is now 231". */
export function revisionInWords(revised: NonNullable<ReportMeasure['revisedSinceLastReport']>): string {
  const report = tryParsePeriod(revised.reportPeriod);
  return `The ${report ? periodLabel(report) : revised.reportPeriod} report showed ${revised.previousDisplay} for ${revised.periodLabel}; it is now ${revised.nowDisplay}`;
}
