// "Compared with similar councils" for a report's measures, in words: a sentence for each external metric a measure
// is mapped to, from the comparison its measure page shows (our rank, quartile and the median, latest period).
import type { Db } from '../db/connection.ts';
import { measureComparisons, type MeasureComparison } from './measure-comparisons.ts';

export async function comparisonsInWords(
  db: Db,
  councilId: string,
  measureIds: readonly string[],
): Promise<Map<string, string[]>> {
  if (measureIds.length === 0) return new Map();
  const mapped = await db
    .selectFrom('benchmark_mappings')
    .select('measure_id')
    .distinct()
    .where('council_id', '=', councilId)
    .where('measure_id', 'in', [...measureIds])
    .execute();
  const worded = await Promise.all(
    mapped.map(async ({ measure_id: id }) => {
      const sentences = (await measureComparisons(db, councilId, id, { withChart: false })).flatMap(inWords);
      return [id, sentences] as const;
    }),
  );
  return new Map(worded.filter(([, sentences]) => sentences.length > 0));
}

export function inWords(
  c: Pick<MeasureComparison, 'title' | 'metric' | 'group' | 'latest' | 'mine'>,
): string[] {
  const { latest, mine } = c;
  if (!latest || !mine || mine.rank == null) return [];
  const among = c.group ? 'our nearest neighbours' : 'every council in the dataset';
  const quartile = mine.quartile == null ? '' : `, quartile ${mine.quartile} (1 is the best quarter)`;
  const median = latest.median == null ? '' : `; the median is ${figure(latest.median)}`;
  return [
    `${c.title} (${c.metric}), ${latest.period}: ${figure(mine.value)}, ranked ${mine.rank} of ${latest.count} among ${among}${quartile}${median}.`,
  ];
}

function figure(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 2 });
}
