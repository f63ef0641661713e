// Builds a report's model: the set's measures judged at the period from PUBLISHED figures only (RAG, direction,
// SPC), each with its chart, the exceptions pulled to the front, the rest grouped, the summary written, and what
// changed since the set's last published report. The generation job calls it; so do the CLI and the benchmark.
import {
  formatValue,
  parsePeriod,
  periodEnd,
  periodLabel,
  ragLabel,
  ragSymbol,
  type Rag,
} from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import type { SignOffStatus } from '../../db/schema.ts';
import { polarityLabels } from '../../measures/measures.labels.ts';
import { drawnChart, historyChart, type ChartRequest } from '../chart-request.ts';
import { drawnInThreads } from '../chart-threads.ts';
import { measureSpc } from '../measure-spc.ts';
import { directionBadge, shortPeriodLabel } from '../present.ts';
import { scorecard, type MeasureJudgement } from '../scorecard.service.ts';
import { ASSURANCE_BADGES, seriesSettings, VARIATION_BADGES } from '../spc-judgement.ts';
import { BASELINE_WINDOW_POINTS } from '../spc-series.ts';
import { reportExtras, type ReportExtras } from './report-extras.ts';
import {
  measuresOf,
  REPORT_MODEL_VERSION,
  type ReportGroup,
  type ReportMeasure,
  type ReportModel,
} from './report-model.ts';
import { countsOf, exceptionReasons, summaryParagraph } from './report-words.ts';
import {
  lastPublishedReport,
  placesOfMeasures,
  publishedPoints,
  type MeasurePlace,
  type PublishedPoint,
  type SetOfReport,
} from './reports.queries.ts';

/** Told how far the work has gone, as a percentage and a few words, so a page can show it. */
export type ReportProgress = (percent: number, note: string) => Promise<void> | void;

const SIGN_OFF_WORDS: Record<SignOffStatus, string> = {
  draft: 'Not yet proposed',
  proposed: 'Proposed, awaiting the Cabinet Member',
  signed_off: 'Signed off',
  returned: 'Returned by the Cabinet Member',
};

export async function buildReportModel(
  db: Db,
  councilId: string,
  set: SetOfReport,
  period: string,
  progress: ReportProgress = () => {},
  /** The day the assurance sections are judged at ('YYYY-MM-DD'); today in the UK unless given (the demo's day). */
  asOf?: string,
): Promise<ReportModel> {
  const end = periodEnd(parsePeriod(period));
  await progress(5, 'Judging the published figures');
  const card = await scorecard(db, {
    councilId,
    reach: null,
    period,
    measureIds: set.measure_ids,
    withSpc: true,
    figures: 'published',
  });
  const order = new Map(set.measure_ids.map((id, i) => [id, i]));
  const judged = [...card.measures].sort(
    (a, b) => (order.get(a.measureId) ?? 0) - (order.get(b.measureId) ?? 0),
  );
  await progress(30, 'Reading each measure’s history');
  const [places, points, previous, extras] = await Promise.all([
    placesOfMeasures(db, councilId, set.measure_ids),
    publishedPoints(db, set.measure_ids, end, BASELINE_WINDOW_POINTS),
    lastPublishedReport(db, set.id, period),
    reportExtras(db, councilId, set, period, asOf),
  ]);
  const placeOf = new Map(places.map((p) => [p.measure_id, p]));
  const pointsOf = groupPoints(points);
  const before = figuresIn(previous?.content);

  const described = judged.map((m) =>
    reportMeasure(m, placeOf.get(m.measureId), pointsOf.get(m.measureId) ?? [], set, before, extras),
  );
  await progress(40, 'Drawing the charts');
  const svgs = await drawnInThreads(
    described.flatMap((d) => (d.chart ? [d.chart] : [])),
    drawnChart,
  );
  let drawn = 0;
  const measures = described.map((d) =>
    d.chart ? { ...d.measure, chartSvg: svgs[drawn++] ?? null } : d.measure,
  );
  await progress(92, 'Writing the summary');
  const exceptions = measures.filter((m) => m.exceptionReasons.length > 0);
  return {
    modelVersion: REPORT_MODEL_VERSION,
    council: set.council_name,
    set: {
      name: set.name,
      title: set.title,
      audience: set.audience,
      audienceLabel: audienceLabel(set),
      grouping: set.grouping,
      year: set.year,
    },
    period: { key: period, label: periodLabel(parsePeriod(period)) },
    generatedAt: new Date().toISOString(),
    publishedAt: null,
    summary: summaryParagraph(measures),
    counts: countsOf(measures),
    signOff: set.sign_off
      ? {
          status: set.sign_off,
          statusLabel: SIGN_OFF_WORDS[set.sign_off],
          by: set.sign_off === 'signed_off' ? set.decided_by_name : null,
          at: set.sign_off === 'signed_off' ? (set.decided_at?.toISOString() ?? null) : null,
        }
      : null,
    changes: extras.changes,
    dataQuality: extras.dataQuality,
    assurance: extras.assurance,
    exceptions,
    groups: grouped(
      measures.filter((m) => m.exceptionReasons.length === 0),
      placeOf,
      judged,
    ),
  };
}

export function audienceLabel(set: SetOfReport): string {
  switch (set.audience) {
    case 'cmt':
      return 'Corporate Management Team';
    case 'portfolio':
      return `Cabinet Member for ${set.portfolio_title ?? ''}${set.cabinet_member_name ? ` (${set.cabinet_member_name})` : ''}`;
    case 'committee':
      return set.committee_title ?? 'Select committee';
    case 'public':
      return 'Residents (public)';
  }
}

function groupPoints(points: PublishedPoint[]): Map<string, PublishedPoint[]> {
  const byMeasure = new Map<string, PublishedPoint[]>();
  for (const p of points) {
    const list = byMeasure.get(p.measure_id) ?? [];
    list.push(p);
    byMeasure.set(p.measure_id, list);
  }
  return byMeasure;
}

/** The figures a published report showed, by measure code, for "revised since the last report". */
function figuresIn(content: unknown): Map<string, ShownBefore> {
  const shown = new Map<string, ShownBefore>();
  if (!content || typeof content !== 'object') return shown;
  const model = content as ReportModel;
  // Every figure it charted (its latest among them), keyed by code and period: an earlier period can be revised too.
  for (const m of measuresOf(model))
    for (const h of m.history)
      shown.set(`${m.code}@${h.period}`, {
        value: h.value,
        display: h.display,
        reportPeriod: model.period.key,
      });
  return shown;
}

interface ShownBefore {
  value: number | null;
  display: string;
  reportPeriod: string;
}

function toNumber(value: string | null): number | null {
  if (value == null) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function reportMeasure(
  m: MeasureJudgement,
  place: MeasurePlace | undefined,
  newestFirst: PublishedPoint[],
  set: SetOfReport,
  before: Map<string, ShownBefore>,
  extras: ReportExtras,
): { measure: ReportMeasure; chart: ChartRequest | null } {
  const show = (v: number | null) => formatValue(v, m.unit, m.decimals);
  const figures = newestFirst.map((p) => ({
    period: p.period,
    start: p.period_start,
    value: toNumber(p.value),
    target: toNumber(p.target),
  }));
  const chart = measureChart(m, figures, place);
  const revised = revisedAgainst(before, m.code, chart.history, show);
  const target = m.target;
  const rangeTarget =
    m.targetLow != null && m.targetHigh != null ? `${show(m.targetLow)} to ${show(m.targetHigh)}` : null;
  const measure: ReportMeasure = {
    code: m.code,
    title: m.title,
    unit: m.unit,
    decimals: m.decimals,
    polarity: m.polarity,
    polarityLabel: polarityLabels[m.polarity],
    service: place?.service_name ?? '',
    group: groupTitle(set, place),
    period: m.period,
    periodLabel: m.period ? periodLabel(parsePeriod(m.period)) : 'No published figure',
    value: m.value,
    display: show(m.value),
    target,
    targetDisplay: rangeTarget ?? (target == null ? 'No target' : show(target)),
    rag: m.rag as Rag,
    ragLabel: ragLabel(m.rag),
    ragSymbol: ragSymbol(m.rag),
    direction: {
      judgement: m.direction.previous,
      label: directionBadge(m.direction.previous, m.value, m.previousValue).text,
      previousDisplay: m.previousValue == null ? '' : show(m.previousValue),
    },
    spc:
      m.spc && m.spc.variation !== 'not_enough_data'
        ? {
            variation: m.spc.variation,
            variationLabel: VARIATION_BADGES[m.spc.variation].label,
            variationTone: VARIATION_BADGES[m.spc.variation].tone,
            assurance: m.spc.assurance,
            assuranceLabel: m.spc.assurance ? ASSURANCE_BADGES[m.spc.assurance].label : null,
            reading: m.spc.reading,
          }
        : null,
    commentary: m.commentary,
    exceptionReasons: exceptionReasons({
      rag: m.rag,
      direction: m.direction.previous,
      spcVariation: m.spc?.variation ?? null,
      spcAssurance: m.spc?.assurance ?? null,
      revisedSinceLastReport: revised != null,
    }),
    revisedSinceLastReport: revised,
    signedOffIn: set.audience === 'committee' ? (extras.signedOffIn.get(m.measureId) ?? []) : null,
    benchmarks: extras.comparisons.get(m.measureId) ?? [],
    history: chart.history.map((f) => ({
      period: f.period,
      label: shortPeriodLabel(f.period),
      value: f.value,
      display: show(f.value),
      target: f.target,
    })),
    chartSvg: null, // drawn with the report's other charts, in threads
    chartAlt: chart.alt,
  };
  return { measure, chart: chart.request };
}

/** The newest charted figure that differs from what the last report showed for its period. */
function revisedAgainst(
  before: Map<string, ShownBefore>,
  code: string,
  history: readonly ChartFigure[],
  show: (v: number | null) => string,
): ReportMeasure['revisedSinceLastReport'] {
  for (const f of [...history].reverse()) {
    const shown = before.get(`${code}@${f.period}`);
    if (shown && shown.value !== f.value)
      return {
        previousValue: shown.value,
        previousDisplay: shown.display,
        nowDisplay: show(f.value),
        periodLabel: periodLabel(parsePeriod(f.period)),
        reportPeriod: shown.reportPeriod,
      };
  }
  return null;
}

interface ChartFigure {
  period: string;
  start: string;
  value: number | null;
  target: number | null;
}

/** The XmR chart where SPC applies (as on the measure page), else a line against target; oldest first history. */
function measureChart(
  m: MeasureJudgement,
  newestFirst: ChartFigure[],
  place: MeasurePlace | undefined,
): { request: ChartRequest | null; alt: string; history: ChartFigure[] } {
  if (newestFirst.length === 0) return { request: null, alt: 'No published figures to chart.', history: [] };
  const measure = { id: m.measureId, ...m };
  const outcome = measureSpc(
    measure,
    newestFirst,
    seriesSettings({
      baseline_start: place?.baseline_start ?? null,
      baseline_to: place?.baseline_to ?? null,
      baseline_reason: place?.baseline_reason ?? null,
      recalculations: place?.recalculations ?? null,
    }),
  );
  if (outcome.spc) {
    const charted = new Set(outcome.spc.periods);
    const window = newestFirst.filter((f) => charted.has(f.period)).reverse();
    return {
      request: { kind: 'xmr', input: outcome.spc.chart },
      alt: outcome.spc.chartSummary,
      history: window,
    };
  }
  const history = newestFirst.slice(0, 24).reverse();
  const show = (v: number | null) => formatValue(v, m.unit, m.decimals);
  const alt = `${m.code} ${m.title}: ${history.map((f) => `${shortPeriodLabel(f.period)} ${show(f.value)}`).join(', ')}. ${outcome.reason}`;
  return {
    request: historyChart(m, history, alt),
    alt,
    history,
  };
}

function groupTitle(set: SetOfReport, place: MeasurePlace | undefined): string {
  if (set.grouping === 'service') return place?.service_name ?? 'No lead service';
  if (set.grouping === 'portfolio') return place?.portfolio_title ?? 'No portfolio';
  return place?.outcome_title ?? 'Not linked to the Council Strategy';
}

/** The measures that are not exceptions, in groups ordered as the strategy (or alphabetically), measures by code. */
function grouped(
  measures: ReportMeasure[],
  placeOf: Map<string, MeasurePlace>,
  judged: readonly MeasureJudgement[],
): ReportGroup[] {
  const idOf = new Map(judged.map((j) => [j.code, j.measureId]));
  const groups = new Map<string, ReportGroup & { rank: number }>();
  for (const m of measures) {
    const place = placeOf.get(idOf.get(m.code) ?? '');
    let group = groups.get(m.group);
    if (!group) {
      group = {
        title: m.group,
        subtitle: place?.outcome_title === m.group ? (place.priority_title ?? '') : '',
        measures: [],
        rank:
          place?.outcome_title === m.group
            ? (place.outcome_rank ?? Number.MAX_SAFE_INTEGER)
            : Number.MAX_SAFE_INTEGER,
      };
      groups.set(m.group, group);
    }
    group.measures.push(m);
  }
  return [...groups.values()]
    .sort((a, b) => a.rank - b.rank || a.title.localeCompare(b.title, 'en-GB'))
    .map(({ title, subtitle, measures: list }) => ({ title, subtitle, measures: list }));
}
