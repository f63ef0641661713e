// The figures of a report as rows for a spreadsheet or CSV: one row per measure and period charted, with the
// judgements and commentary on the row of the period reported. Text from people is neutralised against formulas.
import { periodLabel, tryParsePeriod, type Unit } from '../../../assessment/index.ts';
import { neutralised } from '../../../web/spreadsheet-text.ts';
import { measuresOf, type ReportMeasure, type ReportModel } from '../report-model.ts';

export const MEASURE_COLUMNS = [
  'Code',
  'Measure',
  'Service',
  'Group',
  'Period',
  'Period name',
  'Value',
  'Target',
  'Unit',
  'RAG',
  'Direction of travel',
  'SPC variation',
  'SPC assurance',
  'Exception reasons',
  'Figure in the last report (revised)',
  'Commentary',
] as const;

/** The columns holding figures: numbers in the cell, formatted by the measure's unit. */
export const FIGURE_COLUMNS: ReadonlySet<number> = new Set([6, 7, 14]);
const REVISED_COLUMN = MEASURE_COLUMNS.indexOf('Figure in the last report (revised)');

export type RowCell = string | number | null;

export interface MeasureRow {
  unit: Unit;
  decimals: number;
  cells: RowCell[];
}

export function measureRows(model: ReportModel): MeasureRow[] {
  return measuresOf(model).flatMap((m) => rowsOf(m, model.period));
}

function rowsOf(m: ReportMeasure, reportPeriod: ReportModel['period']): MeasureRow[] {
  const row = (
    period: string,
    label: string,
    value: number | null,
    target: number | null,
    reported: boolean,
  ) => ({
    unit: m.unit,
    decimals: m.decimals,
    cells: [
      text(m.code),
      text(m.title),
      text(m.service),
      text(m.group),
      text(period),
      text(label),
      value,
      target,
      m.unit,
      ...(reported ? judgements(m) : [null, null, null, null, null, null, null]),
    ],
  });
  const rows = m.history.map((h) => row(h.period, h.label, h.value, h.target, h.period === m.period));
  // A measure with no figure for the period it is reported for still gets its row, so it is never dropped.
  if (!m.history.some((h) => h.period === m.period)) {
    rows.push(
      row(m.period ?? reportPeriod.key, m.periodLabel || reportPeriod.label, m.value, m.target, true),
    );
  }
  // The figure the last report showed goes on the row of the period it was for, which need not be the latest
  // (the last row when that period is no longer charted).
  const revised = m.revisedSinceLastReport;
  if (revised) {
    const at = m.history.findIndex((h) => labelOf(h.period) === revised.periodLabel);
    const cells = rows[at >= 0 ? at : rows.length - 1]?.cells;
    if (cells) cells[REVISED_COLUMN] = revised.previousValue;
  }
  return rows;
}

function judgements(m: ReportMeasure): RowCell[] {
  return [
    text(m.ragLabel),
    text(m.direction.label),
    text(m.spc?.variationLabel ?? ''),
    text(m.spc?.assuranceLabel ?? ''),
    text(m.exceptionReasons.join('; ')),
    null,
    text(m.commentary),
  ];
}

function text(value: string): string {
  return neutralised(value);
}

function labelOf(period: string): string {
  const parsed = tryParsePeriod(period);
  return parsed ? periodLabel(parsed) : period;
}
