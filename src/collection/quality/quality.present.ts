// How data-quality findings and figures read on the pages: kind and status in words, a figure's name with its
// provider, and links to a figure's findings and to its entry form.
import type { CurrentUser } from '../../access/current-user.ts';
import { figureInReach } from '../../access/scope.ts';
import { formatValue } from '../../assessment/index.ts';
import type { Db } from '../../db/connection.ts';
import { labelOfPeriod } from '../../reporting/present.ts';
import { findValue, type EntryMeasure } from '../values.queries.ts';
import type { FindingRow } from './findings.queries.ts';

const KIND_WORDS: Record<string, string> = {
  rule: 'Validation rule',
  raised: 'Raised by the performance team',
  missing: 'Missing',
  late: 'Late',
};

export function figureLink(f: { code: string; period: string; breakdown: string }): string {
  return `/data-quality/figure?${new URLSearchParams({ measure: f.code, period: f.period, breakdown: f.breakdown }).toString()}`;
}

/** The entry form for a figure: a provider's own figure carries its provider code. */
export function entryLink(code: string, period: string, breakdown: string): string {
  const provider = breakdown.startsWith('provider:')
    ? `?provider=${encodeURIComponent(breakdown.slice(9))}`
    : '';
  return `/my-measures/${encodeURIComponent(code)}/${encodeURIComponent(period)}${provider}`;
}

export function presentFinding(f: FindingRow) {
  return {
    ...f,
    kindLabel: KIND_WORDS[f.kind] ?? f.kind,
    statusLabel: f.status === 'open' ? 'Open' : 'Resolved',
    periodLabel: labelOfPeriod(f.period),
    who: f.provider_name ?? 'Headline figure',
    href: `/data-quality/findings/${f.id}`,
  };
}

export async function figurePage(
  db: Db,
  user: CurrentUser,
  measure: EntryMeasure,
  period: string,
  breakdown: string,
) {
  const stored = await findValue(db, measure.id, period, breakdown);
  const provider = breakdown.startsWith('provider:')
    ? await db
        .selectFrom('providers')
        .select('name')
        .where('council_id', '=', user.councilId)
        .where('code', '=', breakdown.slice(9))
        .executeTakeFirst()
    : undefined;
  const canEnter = await figureInReach(
    db,
    user,
    'value.write',
    { id: measure.id, serviceIds: measure.service_ids },
    breakdown,
  );
  return {
    pageTitle: `Data quality: ${measure.code} ${labelOfPeriod(period)}`,
    measure,
    period,
    periodLabel: labelOfPeriod(period),
    breakdown,
    providerName: provider?.name ?? null,
    figure: stored
      ? {
          value: formatValue(
            stored.value == null ? null : Number(stored.value),
            measure.unit,
            measure.decimals,
          ),
          status: stored.status,
          flags: stored.quality_flags,
        }
      : null,
    enterHref:
      canEnter && measure.calculation_type !== 'formula' ? entryLink(measure.code, period, breakdown) : null,
  };
}
