// The one report model every renderer reads (web page, Word, PDF, Excel, CSV): a report set rendered for a period,
// with every figure, judgement, chart and comment already worked out and worded. Stored as JSON in reports.content;
// once published it is the frozen snapshot, so nothing here may depend on the database at render time.
import type { Direction, Polarity, Rag, Unit } from '../../assessment/index.ts';
import type { ReportAudience, ReportGrouping, SignOffStatus } from '../../db/schema.ts';
import type { SpcTone } from '../spc-judgement.ts';

export const REPORT_MODEL_VERSION = 1;

export interface ReportModel {
  modelVersion: typeof REPORT_MODEL_VERSION;
  council: string;
  set: {
    name: string;
    title: string;
    audience: ReportAudience;
    /** "Corporate Management Team", "Cabinet Member for Housing (Cllr Priya Shah)", … */
    audienceLabel: string;
    grouping: ReportGrouping;
    year: string;
  };
  period: { key: string; label: string };
  /** ISO timestamps. */
  generatedAt: string;
  publishedAt: string | null;
  /** The deterministic summary paragraph written from the figures ("Of 42 measures, 30 are on target; …"). */
  summary: string;
  counts: ReportCounts;
  /** Portfolio reports: the selection's sign-off by the Cabinet Member. */
  signOff: { status: SignOffStatus; statusLabel: string; by: string | null; at: string | null } | null;
  /** Changes to the measures reported since the last published report of this set, oldest first. */
  changes: ReportChange[];
  /** CMT: the data-quality headline for the period. Null for other audiences. */
  dataQuality: ReportDataQuality | null;
  /** CMT: inspections and statutory returns due; a section with no items says why in `emptyNote`. */
  assurance: ReportAssuranceSection[];
  /** Exceptions first: red, worsening, special-cause concern, consistently failing, revised since last report. */
  exceptions: ReportMeasure[];
  /** The rest, grouped by the set's grouping (priority and outcome, service, or portfolio). */
  groups: ReportGroup[];
}

export interface ReportCounts {
  measures: number;
  green: number;
  amber: number;
  red: number;
  notRated: number;
  noData: number;
  exceptions: number;
  spcConcern: number;
  spcImprovement: number;
  failing: number;
  revised: number;
}

export interface ReportChange {
  /** ISO date the change was signed off. */
  date: string;
  change: 'add' | 'remove';
  /** "Added" / "Removed" */
  changeLabel: string;
  measureCode: string;
  measureTitle: string;
  reason: string;
  decidedBy: string;
}

export interface ReportDataQuality {
  late: number;
  missing: number;
  returned: number;
  openFindings: number;
  /** One sentence, e.g. "3 figures were late, 1 is missing and 2 were returned for correction." */
  headline: string;
}

export interface ReportAssuranceSection {
  title: string;
  /** What the items' date is: 'Due' (the default) or 'Date' (an inspection's last day). */
  dateHeading?: string;
  items: { title: string; due: string | null; status: string }[];
  emptyNote: string;
}

export interface ReportGroup {
  title: string;
  /** The priority above an outcome when grouped by outcome; empty otherwise. */
  subtitle: string;
  measures: ReportMeasure[];
}

export interface ReportMeasure {
  code: string;
  title: string;
  unit: Unit;
  decimals: number;
  polarity: Polarity;
  /** "Higher is better", … */
  polarityLabel: string;
  service: string;
  /** The group it belongs to (also for exceptions, which are listed apart). */
  group: string;
  /** The measure's own latest period with a published figure at the report's period; null when none. */
  period: string | null;
  periodLabel: string;
  value: number | null;
  /** Formatted with the measure's unit and decimals ("27.0%"); "No data" when none. */
  display: string;
  target: number | null;
  targetDisplay: string;
  rag: Rag;
  ragLabel: string;
  ragSymbol: string;
  direction: { judgement: Direction; label: string; previousDisplay: string };
  spc: ReportSpc | null;
  commentary: string;
  /** Why it is an exception, in words; empty when it is not one. */
  exceptionReasons: string[];
  /**
   * A figure charted here differs from the one the last published report of this set showed for the same period
   * (the newest such): the figure shown then and now, the period it is for, and that report's period.
   */
  revisedSinceLastReport: {
    previousValue: number | null;
    previousDisplay: string;
    nowDisplay: string;
    periodLabel: string;
    reportPeriod: string;
  } | null;
  /** Committee reports: the Cabinet portfolios whose signed-off sets include it; empty means flagged. */
  signedOffIn: string[] | null;
  /** Compared with similar councils, a sentence a benchmark metric (absent from reports made before benchmarks). */
  benchmarks?: string[];
  /** The published figures charted, oldest first (at most 24). */
  history: { period: string; label: string; value: number | null; display: string; target: number | null }[];
  /** The chart as SVG (XmR when SPC applies, else a line against target); null when there are no figures. */
  chartSvg: string | null;
  /** The chart's text alternative. */
  chartAlt: string;
}

export interface ReportSpc {
  variation: string;
  variationLabel: string;
  variationTone: SpcTone;
  assurance: string | null;
  assuranceLabel: string | null;
  reading: string;
}

/** Every measure of the report, exceptions first, in reading order. */
export function measuresOf(model: ReportModel): ReportMeasure[] {
  return [...model.exceptions, ...model.groups.flatMap((g) => g.measures)];
}
