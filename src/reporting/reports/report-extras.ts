// What a report shows beside its measures: the changes to the measures since the set's last published report,
// which portfolios signed off each measure (committee reports), for CMT the data-quality headline, and the assurance
// sections (src/assurance/assurance.report.ts): CMT's inspections, statutory returns and overdue actions, a
// committee's inspections of its services.
import { cmtAssurance, committeeAssurance } from '../../assurance/assurance.report.ts';
import { comparisonsInWords } from '../../benchmarking/report-comparisons.ts';
import { qualityHeadline } from '../../collection/quality/dashboard.service.ts';
import type { Db } from '../../db/connection.ts';
import type { ReportAssuranceSection, ReportChange, ReportDataQuality } from './report-model.ts';
import { lastPublishedReport, type SetOfReport } from './reports.queries.ts';
import { changesSince, signedOffPortfoliosOfMeasures } from '../report-sets/report-sets.queries.ts';

export interface ReportExtras {
  changes: ReportChange[];
  signedOffIn: Map<string, string[]>;
  /** Each benchmarked measure's comparisons with similar councils, in words, by measure id. */
  comparisons: Map<string, string[]>;
  dataQuality: ReportDataQuality | null;
  assurance: ReportAssuranceSection[];
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export async function reportExtras(
  db: Db,
  councilId: string,
  set: SetOfReport,
  period: string,
  asOf?: string,
): Promise<ReportExtras> {
  const previous = await lastPublishedReport(db, set.id, period);
  const [changes, signedOffIn, comparisons, dataQuality, assurance] = await Promise.all([
    changesSince(db, set.id, previous?.published_at ?? null),
    set.audience === 'committee'
      ? signedOffPortfoliosOfMeasures(db, councilId, set.measure_ids, set.year)
      : Promise.resolve(new Map<string, string[]>()),
    comparisonsInWords(db, councilId, set.measure_ids),
    set.audience === 'cmt' ? cmtDataQuality(db, councilId, period) : Promise.resolve(null),
    set.audience === 'cmt'
      ? cmtAssurance(db, councilId, asOf)
      : set.audience === 'committee'
        ? committeeAssurance(db, councilId, set.id, asOf)
        : Promise.resolve([]),
  ]);
  return {
    changes: changes.map((c) => ({
      date: c.date,
      change: c.change,
      changeLabel: c.change === 'add' ? 'Added' : 'Removed',
      measureCode: c.measureCode,
      measureTitle: c.measureTitle,
      reason: c.reason,
      decidedBy: c.decidedBy,
    })),
    signedOffIn,
    comparisons,
    dataQuality,
    assurance,
  };
}

async function cmtDataQuality(db: Db, councilId: string, period: string): Promise<ReportDataQuality> {
  const q = await qualityHeadline(db, councilId, period);
  const headline =
    q.rounds === 0
      ? 'No collection round was run for this period, so there is no data-quality headline.'
      : `${plural(q.late, 'figure was', 'figures were')} late, ${plural(q.missing, 'figure is', 'figures are')} missing and ` +
        `${plural(q.returned, 'was', 'were')} returned for correction; ${plural(q.openFindings, 'data-quality finding is', 'data-quality findings are')} open.`;
  return { late: q.late, missing: q.missing, returned: q.returned, openFindings: q.openFindings, headline };
}
