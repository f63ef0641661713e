// A small, realistic report model for renderer tests: two exceptions (one red and worsening with special-cause
// concern, one revised since the last report), three other measures in two groups, a change to the measures,
// a data-quality headline and an empty assurance section — with real charts drawn by the shared chart code.
import { formatValue } from '../../assessment/index.ts';
import { lineChartSvg } from '../charts.ts';
import type { ReportMeasure, ReportModel } from './report-model.ts';

const MONTHS = ['Apr 2026', 'May 2026', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026'];

function aMeasure(over: Partial<ReportMeasure> & Pick<ReportMeasure, 'code' | 'title'>): ReportMeasure {
  const unit = over.unit ?? 'percent';
  const decimals = over.decimals ?? 1;
  const values = over.history?.map((h) => h.value) ?? [71.2, 70.4, 69.8, 68.1, 66.0, 64.2];
  const history =
    over.history ??
    values.map((value, i) => ({
      period: `2026-${String(i + 4).padStart(2, '0')}`,
      label: MONTHS[i] ?? '',
      value,
      display: formatValue(value, unit, decimals),
      target: 75,
    }));
  const last = history.at(-1);
  return {
    unit,
    decimals,
    polarity: 'up',
    polarityLabel: 'Higher is better',
    service: 'Housing Options',
    group: 'Safe and secure homes',
    period: last?.period ?? null,
    periodLabel: last?.label ?? '',
    value: last?.value ?? null,
    display: last?.display ?? 'No data',
    target: 75,
    targetDisplay: formatValue(75, unit, decimals),
    rag: 'green',
    ragLabel: 'On target',
    ragSymbol: '✓',
    direction: { judgement: 'improving', label: 'Improving', previousDisplay: history.at(-2)?.display ?? '' },
    spc: null,
    commentary: '',
    exceptionReasons: [],
    revisedSinceLastReport: null,
    signedOffIn: null,
    chartSvg: lineChartSvg({
      title: over.title,
      points: history.map((h) => ({ label: h.label, value: h.value })),
      targets: history.map((h) => ({ label: h.label, value: h.target })),
      unit,
      decimals,
      description: `${over.title}: ${history.map((h) => `${h.label} ${h.display}`).join(', ')}`,
    }),
    chartAlt: `${over.title}: ${history.map((h) => `${h.label} ${h.display}`).join(', ')}`,
    ...over,
    history,
  };
}

export function aReportModel(over: Partial<ReportModel> = {}): ReportModel {
  const exceptions = [
    aMeasure({
      code: 'HOU-05',
      title: 'Repairs completed within target time',
      rag: 'red',
      ragLabel: 'Off target',
      ragSymbol: '✗',
      direction: { judgement: 'worsening', label: 'Worsening', previousDisplay: '66.0%' },
      spc: {
        variation: 'concern_low',
        variationLabel: 'Special cause concern (low)',
        variationTone: 'concern',
        assurance: 'fail',
        assuranceLabel: 'Consistently failing the target',
        reading: 'Six points in a row below the mean since May 2026.',
      },
      commentary: 'Contractor backlog after the storms; recovery plan agreed with =SUM(A1) the contractor.',
      exceptionReasons: [
        'Off target',
        'Worsening',
        'Special cause concern',
        'Consistently failing the target',
      ],
    }),
    aMeasure({
      code: 'HOU-12',
      title: 'Households in temporary accommodation',
      unit: 'count',
      decimals: 0,
      polarity: 'down',
      polarityLabel: 'Lower is better',
      rag: 'amber',
      ragLabel: 'Near target',
      ragSymbol: '!',
      history: [212, 220, 231, 228, 236, 241].map((value, i) => ({
        period: `2026-${String(i + 4).padStart(2, '0')}`,
        label: MONTHS[i] ?? '',
        value,
        display: String(value),
        target: 230,
      })),
      target: 230,
      targetDisplay: '230',
      revisedSinceLastReport: {
        previousValue: 229,
        previousDisplay: '229',
        nowDisplay: '231',
        periodLabel: 'June 2026',
        reportPeriod: '2026-27-Q1',
      },
      exceptionReasons: ['Revised since the last report'],
    }),
  ];
  const groups = [
    {
      title: 'Safe and secure homes',
      subtitle: 'A place to call home',
      measures: [
        aMeasure({
          code: 'HOU-01',
          title: 'Rent collected as a share of rent due',
          commentary: 'Above target.',
        }),
        aMeasure({ code: 'HOU-03', title: 'Homes with a valid gas safety certificate' }),
      ],
    },
    {
      title: 'A clean and green borough',
      subtitle: 'A place to be proud of',
      measures: [
        aMeasure({
          code: 'PLE-02',
          title: 'Household waste sent for reuse, recycling or composting',
          service: 'Waste & Recycling',
          group: 'A clean and green borough',
        }),
      ],
    },
  ];
  return {
    modelVersion: 1,
    council: 'Anytown Borough Council',
    set: {
      name: 'portfolio-housing',
      title: 'Housing: quarterly performance',
      audience: 'portfolio',
      audienceLabel: 'Cabinet Member for Housing (Cllr Priya Shah)',
      grouping: 'outcome',
      year: '2026-27',
    },
    period: { key: '2026-27-Q2', label: 'Q2 2026/27 (July to September 2026)' },
    generatedAt: '2026-10-20T09:00:00.000Z',
    publishedAt: null,
    summary:
      'Of 5 measures, 3 are on target, 1 is near target and 1 is off target. 1 shows special-cause concern: HOU-05. 1 figure has been revised since the last report: HOU-12.',
    counts: {
      measures: 5,
      green: 3,
      amber: 1,
      red: 1,
      notRated: 0,
      noData: 0,
      exceptions: 2,
      spcConcern: 1,
      spcImprovement: 0,
      failing: 1,
      revised: 1,
    },
    signOff: {
      status: 'signed_off',
      statusLabel: 'Signed off',
      by: 'Cllr Priya Shah',
      at: '2026-05-12T10:00:00.000Z',
    },
    changes: [
      {
        date: '2026-08-01',
        change: 'add',
        changeLabel: 'Added',
        measureCode: 'HOU-12',
        measureTitle: 'Households in temporary accommodation',
        reason: 'Added after the national review of temporary accommodation.',
        decidedBy: 'Cllr Priya Shah',
      },
    ],
    dataQuality: {
      late: 3,
      missing: 1,
      returned: 2,
      openFindings: 4,
      headline: '3 figures were late, 1 is missing and 2 were returned for correction; 4 findings are open.',
    },
    assurance: [
      {
        title: 'Inspections',
        items: [],
        emptyNote: 'No inspection ended in the last two years and none is expected in the coming year.',
      },
    ],
    exceptions,
    groups,
    ...over,
  };
}
