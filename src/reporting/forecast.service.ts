// Year-end forecasts for a set of measures at a date: each year-to-date measure's latest figure in its year,
// projected to the year end (forecastYearEnd) and judged against the year-end target. Other measures are left out.
import {
  forecastYearEnd,
  lastPeriodOfYear,
  parsePeriod,
  periodKey,
  periodsPerYear,
  positionInYear,
  reportingYearOf,
  type YearEndForecast,
  type YearEndTarget,
} from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { ValidationError } from '../web/errors.ts';
import { forecastRows, type ForecastQuery, type ForecastRow } from './forecast.queries.ts';
import { toNumber } from './scorecard.service.ts';

export interface MeasureYearEndForecast {
  measureId: string;
  /** The period of the latest figure, which the forecast starts from. */
  period: string;
  /** The financial year (or academic year) it falls in, e.g. '2026-27'. */
  year: string;
  /** The period that closes the year, whose target is the year-end target: '2027-03', '2026-27-Q4'. */
  yearEndPeriod: string;
  /** The latest figure, cumulative since the year began. */
  value: number;
  elapsed: number;
  periodsPerYear: number;
  targetNow: number | null;
  yearEndTarget: YearEndTarget | null;
  forecast: YearEndForecast;
}

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Keyed by measure id; a measure that is not year-to-date, or has no figure by `periodEnd`, has no entry. */
export async function yearEndForecasts(
  db: Db,
  query: ForecastQuery,
): Promise<Map<string, MeasureYearEndForecast>> {
  checkQuery(query);
  const forecasts = new Map<string, MeasureYearEndForecast>();
  if (query.measureIds.length === 0) return forecasts;
  for (const row of await forecastRows(db, query)) forecasts.set(row.measure_id, presentForecast(row));
  return forecasts;
}

function checkQuery(query: ForecastQuery): void {
  const date = query.periodEnd;
  if (!ISO_DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || !sameDay(date)) {
    throw ValidationError.field('periodEnd', `periodEnd: '${date}' is not a date written YYYY-MM-DD`);
  }
  const bad = query.measureIds.find((id) => !/^\d{1,18}$/.test(id));
  if (bad !== undefined) {
    throw ValidationError.field('measureIds', `measureIds: '${bad}' is not a measure id`);
  }
}

/** Date.parse rolls 31 April over to 1 May; a real day prints back as itself. */
function sameDay(date: string): boolean {
  return new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) === date;
}

function presentForecast(row: ForecastRow): MeasureYearEndForecast {
  const period = parsePeriod(row.period);
  const value = Number(row.value);
  const elapsed = positionInYear(period);
  const perYear = periodsPerYear(period);
  const targetNow = toNumber(row.target_now);
  const low = toNumber(row.year_end_low);
  const high = toNumber(row.year_end_high);
  const single = toNumber(row.year_end_target);
  const yearEndTarget = single != null || (low != null && high != null) ? { value: single, low, high } : null;
  return {
    measureId: row.measure_id,
    period: row.period,
    year: periodKey(reportingYearOf(period)),
    yearEndPeriod: periodKey(lastPeriodOfYear(period)),
    value,
    elapsed,
    periodsPerYear: perYear,
    targetNow,
    yearEndTarget,
    forecast: forecastYearEnd({
      value,
      numerator: toNumber(row.numerator),
      denominator: toNumber(row.denominator),
      firstDenominator: toNumber(row.first_denominator),
      elapsed,
      periodsPerYear: perYear,
      unit: row.unit,
      calculationType: row.calculation_type,
      polarity: row.polarity,
      targetNow,
      yearEndTarget,
      profiled: row.profiled,
    }),
  };
}
