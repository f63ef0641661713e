// Today as the council sees it: the calendar day in the UK, which decides what is overdue.
const ukDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** 'YYYY-MM-DD' of `at` in the UK. */
export function ukDate(at: Date = new Date()): string {
  return ukDay.format(at);
}

/** The day `days` after an ISO day (negative for before). */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
