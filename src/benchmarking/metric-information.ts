// Metric metadata from a source that publishes it: the LGBF's indicator-information.csv gives each indicator's
// title, number format and Ranking_Type (Ascending = lower is better, Descending = higher, Goldilocks = closest to
// Ranking_GoldilocksMidpoint). Matched to a dataset's metrics by Code or Code_Sortable, as the data files use both.
import type { Db } from '../db/connection.ts';
import type { BenchmarkPolarity } from '../db/schema.ts';
import { ValidationError, type FieldProblem } from '../web/errors.ts';
import { openRecords } from './file-records.ts';

export interface MetricInformation {
  codes: string[];
  title: string;
  unit: string;
  polarity: BenchmarkPolarity | null;
  midpoint: string | null;
}

const rankingTypes: Record<string, BenchmarkPolarity> = {
  ascending: 'lower',
  descending: 'higher',
  goldilocks: 'goldilocks',
};

/** The unit a number format shows: '0.0%' a percentage, "'£ '0.00" pounds; otherwise none. */
export function unitOfFormat(format: string): string {
  if (format.includes('%')) return '%';
  if (format.includes('£')) return '£';
  return '';
}

/** One indicator-information row, or the problem with it. Pure. */
export function readIndicatorInformation(
  cell: (column: string) => string,
  row: number,
): MetricInformation | FieldProblem {
  const type = cell('Ranking_Type');
  const polarity = type === '' ? null : (rankingTypes[type.toLowerCase()] ?? undefined);
  if (polarity === undefined)
    return {
      field: `row ${row}, column Ranking_Type`,
      message: `'${type}' is not Ascending, Descending or Goldilocks`,
    };
  const midpointText = cell('Ranking_GoldilocksMidpoint');
  if (polarity === 'goldilocks' && !/^-?\d+(\.\d+)?$/.test(midpointText))
    return {
      field: `row ${row}, column Ranking_GoldilocksMidpoint`,
      message: `a Goldilocks indicator needs a numeric midpoint, not '${midpointText}'`,
    };
  return {
    codes: [...new Set([cell('Code'), cell('Code_Sortable')].filter((c) => c !== ''))],
    title: cell('Title'),
    unit: unitOfFormat(cell('NumberFormat')),
    polarity,
    midpoint: polarity === 'goldilocks' ? midpointText : null,
  };
}

/** Applies the file to the dataset's metrics in one transaction; returns how many metrics it described. */
export async function importMetricInformation(
  db: Db,
  request: { councilId: string; userId: string | null; datasetId: string; file: string },
): Promise<number> {
  const information: MetricInformation[] = [];
  const problems: FieldProblem[] = [];
  let header: string[] | null = null;
  for await (const { row, cells } of (await openRecords(request.file)).records) {
    if (header === null) {
      header = cells.map((h) => h.replace(/^\uFEFF/, '').trim());
      for (const needed of ['Code', 'Title', 'Ranking_Type'])
        if (!header.includes(needed))
          throw ValidationError.field(`row 1, column ${needed}`, `no column '${needed}' in the header row`);
      continue;
    }
    const columns = header;
    const read = readIndicatorInformation((column) => (cells[columns.indexOf(column)] ?? '').trim(), row);
    if ('field' in read) problems.push(read);
    else information.push(read);
  }
  if (problems.length > 0)
    throw new ValidationError('The indicator information has problems; nothing was changed', problems);
  return db.transaction().execute(async (trx) => {
    let described = 0;
    for (const info of information) {
      const updated = await trx
        .updateTable('benchmark_metrics')
        .set((eb) => ({
          title: info.title,
          unit: info.unit,
          polarity: info.polarity,
          midpoint: info.midpoint,
          version: eb('version', '+', 1),
        }))
        .where('council_id', '=', request.councilId)
        .where('dataset_id', '=', request.datasetId)
        .where('code', 'in', info.codes)
        .executeTakeFirst();
      described += Number(updated.numUpdatedRows);
    }
    await trx
      .insertInto('audit_log')
      .values({
        council_id: request.councilId,
        user_id: request.userId,
        action: 'benchmark.metrics.import',
        entity: 'benchmark_dataset',
        entity_id: request.datasetId,
        before: null,
        after: JSON.stringify({ described }),
      })
      .execute();
    return described;
  });
}
