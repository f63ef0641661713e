// Nunjucks filters that present domain values the council's way: periods, figures, judgements and dates.
import type nunjucks from 'nunjucks';
import { formatValue, type Unit } from '../assessment/format.ts';
import { periodLabel, tryParsePeriod } from '../assessment/periods.ts';
import { type Rag, ragLabel } from '../assessment/rag.ts';

const dateTime = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});
/** "26 Nov 2026, 14:21" in UK time: pages and the messages use cases write (a stale edit's "changed at …"). */
export function formatDateTime(value: Date | string): string {
  return dateTime.format(new Date(value));
}
const dateOnly = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/London' });

/** "31 Oct 2025": a calendar day ('YYYY-MM-DD', read as that day in the UK) or an instant. */
export function formatDate(value: Date | string): string {
  return dateOnly.format(
    typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? new Date(`${value}T12:00:00Z`)
      : new Date(value),
  );
}

export function registerFilters(env: nunjucks.Environment): void {
  env.addFilter('period', (key: string) => {
    const period = key ? tryParsePeriod(key) : null;
    return period ? periodLabel(period) : key;
  });
  env.addFilter('figure', (value: number | string | null | undefined, unit: Unit, decimals: number) =>
    formatValue(value == null || value === '' ? null : Number(value), unit, decimals ?? 0),
  );
  env.addFilter('ragLabel', (rag: Rag) => ragLabel(rag));
  env.addFilter('dateTime', (value: Date | string | null) => (value ? dateTime.format(new Date(value)) : ''));
  env.addFilter('date', (value: Date | string | null) => (value ? formatDate(value) : ''));
  env.addFilter('humanise', (value: string) =>
    value ? value.charAt(0).toUpperCase() + value.slice(1).replaceAll('_', ' ') : '',
  );
}
