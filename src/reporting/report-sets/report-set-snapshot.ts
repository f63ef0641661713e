// A report set as its audit rows record it: codes rather than ids, so the history reads the same after a measure
// or portfolio is renamed, and a name so the audit search names the set.
import type { Db } from '../../db/connection.ts';
import { codesOfMeasures } from './report-set-writes.queries.ts';
import type { ReportSet } from './report-sets.queries.ts';

export async function setSnapshot(db: Db, set: ReportSet): Promise<Record<string, unknown>> {
  return {
    name: set.name,
    title: set.title,
    audience: set.audience,
    portfolio: set.portfolioCode,
    committee: set.committeeCode,
    grouping: set.grouping,
    year: set.year,
    signOff: set.signOff,
    recipients: set.recipients,
    measures: await codesOfMeasures(db, set.measureIds),
    version: set.version,
  };
}
