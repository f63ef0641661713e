// Browsing the library: the measures in a user's reach that pass the filters, found in one SQL query, and for
// the pages each with its latest RAG verdict from the scorecard.
import type { CurrentUser } from '../access/current-user.ts';
import { servicesInReach } from '../access/scope.ts';
import type { Rag } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { scorecard } from '../reporting/scorecard.service.ts';
import { listMeasureRows, type MeasureFilter } from './measures.queries.ts';
import { presentMeasureSummary } from './measures.present.ts';
import type { MeasureSummary } from './measures.schema.ts';

export const rags = ['green', 'amber', 'red', 'not_rated', 'no_data'] as const;

export type LibraryFilter = Omit<MeasureFilter, 'councilId' | 'reach'> & { rag?: Rag };

export interface LibraryEntry extends MeasureSummary {
  rag: Rag;
  ragPeriod: string | null;
}

/** The measures in the user's reach that pass the filters, found in one SQL query. */
export async function findMeasures(
  db: Db,
  user: CurrentUser,
  filter: Omit<LibraryFilter, 'rag'>,
): Promise<MeasureSummary[]> {
  const reach = servicesInReach(user, 'measure.read');
  const rows = await listMeasureRows(db, { ...filter, councilId: user.councilId, reach });
  return rows.map(presentMeasureSummary);
}

/** The library in the user's reach, filtered in one SQL query, each measure with its latest RAG from the scorecard. */
export async function listMeasures(
  db: Db,
  user: CurrentUser,
  filter: LibraryFilter,
): Promise<LibraryEntry[]> {
  const reach = servicesInReach(user, 'measure.read');
  const rows = await listMeasureRows(db, { ...filter, councilId: user.councilId, reach });
  const judged = await scorecard(db, { councilId: user.councilId, reach, measureIds: rows.map((r) => r.id) });
  const byId = new Map(judged.measures.map((j) => [j.measureId, j]));
  const entries = rows.map((row) => {
    const judgement = byId.get(row.id);
    return {
      ...presentMeasureSummary(row),
      rag: judgement?.rag ?? 'no_data',
      ragPeriod: judgement?.period ?? null,
    };
  });
  // RAG is a judgement made by the pure rag() function over each measure's latest figure, not a column, so
  // it is the one filter applied after the query.
  return filter.rag ? entries.filter((e) => e.rag === filter.rag) : entries;
}
