// How an improvement action reads on pages: its status in words, what it was raised from with a link, overdue flagged.
import { labelOfPeriod } from '../../reporting/present.ts';
import type { ActionRow } from './actions.queries.ts';
import { actionStatusLabels } from './actions.service.ts';

export function originOf(a: ActionRow): { text: string; href: string | null } {
  switch (a.source) {
    case 'measure':
      return {
        text: `Measure ${a.measure_code ?? ''} ${a.measure_title ?? ''}${a.measure_period ? `, ${labelOfPeriod(a.measure_period)}` : ''}`,
        href: a.measure_code ? `/measures/${encodeURIComponent(a.measure_code)}` : null,
      };
    case 'recommendation':
      return {
        text: `Recommendation ${a.recommendation_position ?? ''} of ${a.inspection_title ?? 'an inspection'}`,
        href: a.inspection_id
          ? `/inspections/${a.inspection_id}#recommendation-${a.recommendation_position ?? ''}`
          : null,
      };
    case 'finding':
      return {
        text: `Data-quality finding: ${a.finding_message ?? ''}`,
        href: a.finding_id ? `/data-quality/findings/${a.finding_id}` : null,
      };
    default:
      return { text: 'Standalone action', href: null };
  }
}

export function presentAction(a: ActionRow) {
  return { ...a, href: `/actions/${a.id}`, statusLabel: actionStatusLabels[a.status], origin: originOf(a) };
}
