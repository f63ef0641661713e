// Turns a source's way of writing a period into our period key: `2018-19;Q1` → `2018-19-Q1`,
// `2022/23 Q3` → `2022-23-Q3`, `2014/15` → `2014-15`; `2016-17`, a calendar year `2018` and the LGBF's
// multi-year spans (`2010-14`) stay as written.

const SEPARATED_QUARTER = /^(\d{4})[-/](\d{2})\s*[;\s]\s*Q([1-4])$/i;
const YEAR_PAIR = /^(\d{4})[-/](\d{2})$/;
const CALENDAR_YEAR = /^\d{4}$/;
const QUARTER_KEY = /^\d{4}-\d{2}-Q[1-4]$/;

/** The period key, or a reason naming the forms we read. */
export function normalisePeriod(raw: string): { key: string } | { reason: string } {
  const text = raw.trim();
  if (text === '') return { reason: 'the period is empty' };
  if (QUARTER_KEY.test(text)) return { key: text };
  const quarter = SEPARATED_QUARTER.exec(text);
  if (quarter) return { key: `${quarter[1]}-${quarter[2]}-Q${quarter[3]}` };
  const pair = YEAR_PAIR.exec(text);
  if (pair) return { key: `${pair[1]}-${pair[2]}` };
  if (CALENDAR_YEAR.test(text)) return { key: text };
  return {
    reason: `'${raw}' is not a period we read: write a year (2018), a financial year (2018-19 or 2018/19) or a quarter (2018-19-Q1, 2018-19;Q1, 2018/19 Q1)`,
  };
}
