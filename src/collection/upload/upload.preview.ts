// The dry run: every row of a file checked against the database as the entry form would check it — the
// measure exists and is in the uploader's reach, the period fits its frequency, the figure passes the shared
// checks, a formula measure is refused — giving each row accepted, warning or error. Nothing is written.
import type { CurrentUser } from '../../access/current-user.ts';
import { servicesInReach } from '../../access/scope.ts';
import type { Db } from '../../db/connection.ts';
import type { Tx } from '../values.queries.ts';
import { isProblem, type CheckedFigure } from '../values.validation.ts';
import { ValidationError } from '../../web/errors.ts';
import { checkFigure as checkRulesFor } from '../rules/check-figure.ts';
import { measuresWithRules } from '../rules/rules.queries.ts';
import { ExplanationNeededError, verdictOf, warningsIn } from '../rules/verdict.ts';
import { checkRow, periodOf, type CheckedPeriod, type PeriodOf } from './row-figure.ts';
import { columns, describeProblem, type Column, type ReadRows, type RowProblem } from './rows-read.ts';
import {
  existingFigures,
  figuresAskedOf,
  figureKey,
  measuresNamed,
  type ExistingFigure,
  type UploadMeasure,
} from './upload.queries.ts';

/** Told how far a long file has got, for the CLI's progress bar: rows checked, then figures written. */
export type UploadProgress = (phase: 'checking' | 'writing', done: number, total: number) => void;

const PROGRESS_EVERY = 500;

export type RowStatus = 'accepted' | 'warning' | 'error';

export interface PreviewRow {
  row: number;
  measureCode: string;
  period: string;
  breakdown: string;
  status: RowStatus;
  /** "row 12, column value: …" lines; for an accepted row, what will happen (new, replaced, unchanged). */
  messages: { column: string; text: string }[];
}

/** A row ready to write, with the figure it replaces (read again, and locked, inside the commit). */
export interface PlannedWrite {
  row: number;
  measure: UploadMeasure;
  period: string;
  periodStart: string;
  periodEnd: string;
  breakdown: string;
  figure: CheckedFigure;
  existing: ExistingFigure | undefined;
  /** The measure's soft rules this figure breaks, with the row's commentary as the explanation (see verdictOf). */
  qualityFlags: string[];
}

export interface Preview {
  /**
   * Every row with an error or a warning, and the accepted rows up to `acceptedRowsKept`, in the file's order: a
   * page or a terminal shows a few hundred rows, so 100,000 "a new figure" lines are never built to be dropped.
   */
  rows: PreviewRow[];
  /** How many rows the file has, whether or not each is in `rows`. */
  total: number;
  /** About the file as a whole, e.g. columns it has that an upload does not read. */
  fileWarnings: string[];
  counts: Record<RowStatus, number>;
  writes: PlannedWrite[];
}

export interface PreviewOptions {
  lock: boolean;
  progress?: UploadProgress;
  /** How many accepted rows to describe in `rows`; every row when absent (the API batch answers for each). */
  acceptedRowsKept?: number;
}

export async function previewRows(
  db: Db | Tx,
  user: CurrentUser,
  read: ReadRows,
  options: PreviewOptions = { lock: false },
): Promise<Preview> {
  const reach = servicesInReach(user, 'value.write');
  const measures = await measuresNamed(
    db,
    user.councilId,
    [...new Set(read.rows.map((r) => r.measure_code))],
    reach,
  );
  // A provider login reaches no service: only its own figures of the measures asked of it, as on the entry form.
  const ownFigures = await figuresAskedOf(db, user);
  const ruled = await measuresWithRules(
    db,
    [...measures.values()].map((m) => m.id),
  );
  const problems = new Map<number, RowProblem[]>();
  const note = (p: RowProblem) => {
    const found = problems.get(p.row);
    if (found) found.push(p);
    else problems.set(p.row, [p]);
  };
  read.problems.forEach(note);
  const periodOf = periodChecker();

  const checked: PlannedWrite[] = [];
  for (const [done, row] of read.rows.entries()) {
    if (done % PROGRESS_EVERY === 0) options.progress?.('checking', done, read.rows.length);
    if (row.measure_code === '') continue;
    const measure = measures.get(row.measure_code);
    // Outside the uploader's reach a measure is "not found", exactly as on the entry form.
    if (!measure || !(measure.in_reach || ownFigures.has(`${measure.id}|${row.breakdown}`))) {
      note({
        row: row.row,
        column: 'measure_code',
        message: `there is no measure with the code '${row.measure_code}'`,
      });
      continue;
    }
    const result = checkRow(row, measure, periodOf);
    if (Array.isArray(result)) {
      result.forEach(note);
      continue;
    }
    let qualityFlags: string[] = NO_FLAGS;
    // The measure's validation rules, exactly as on the entry form: a hard finding is an error; a soft one needs
    // the row's commentary to say why the figure is right. A provider's figure is judged against its own history.
    if (ruled.has(measure.id)) {
      try {
        qualityFlags = verdictOf(
          await checkRulesFor(db, measure, result.period.period, result.figure, row.breakdown),
          result.figure.commentary,
        );
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        if (error instanceof ExplanationNeededError)
          note({ row: row.row, column: 'commentary', message: explanationNeeded(error) });
        else
          for (const d of error.details)
            note({ row: row.row, column: columnOf(d.field), message: d.message });
        continue;
      }
    }
    checked.push({
      row: row.row,
      measure,
      period: result.period.key,
      periodStart: result.period.start,
      periodEnd: result.period.end,
      breakdown: row.breakdown,
      figure: result.figure,
      existing: undefined,
      qualityFlags,
    });
  }
  const existing = await existingFigures(
    db,
    checked.map((w) => ({ measureId: w.measure.id, period: w.period, breakdown: w.breakdown })),
    options.lock,
  );
  for (const w of checked) w.existing = existing.get(figureKey(w.measure.id, w.period, w.breakdown));

  // The file's rows in order: `checked` is in the same order, so one pointer walks it beside them.
  const kept = options.acceptedRowsKept ?? Infinity;
  const counts = { accepted: 0, warning: 0, error: 0 };
  const rows: PreviewRow[] = [];
  let next = 0;
  for (const row of read.rows) {
    const write = checked[next]?.row === row.row ? checked[next++] : undefined;
    const found = problems.get(row.row);
    const status: RowStatus = found || !write ? 'error' : statusOf(write);
    counts[status]++;
    if (status === 'accepted' && counts.accepted > kept) continue;
    const base = {
      row: row.row,
      measureCode: row.measure_code,
      period: row.period,
      breakdown: row.breakdown,
    };
    if (found)
      rows.push({
        ...base,
        status,
        messages: found.map((p) => ({ column: p.column ?? '', text: describeProblem(p) })),
      });
    else rows.push({ ...base, ...(write ? outcome(write) : { status, messages: [] }) });
  }
  const fileWarnings = read.unknownColumns.length
    ? [
        `The file has ${read.unknownColumns.length === 1 ? 'a column' : 'columns'} an upload does not read, ignored: ${read.unknownColumns.join(', ')}`,
      ]
    : [];
  return {
    rows,
    total: read.rows.length,
    fileWarnings,
    counts,
    writes: checked.filter((w) => !unchanged(w)),
  };
}

const NO_FLAGS: string[] = [];

/** A period key checked once per frequency, not once per row: a file of 100,000 rows names a few dozen periods. */
function periodChecker(): PeriodOf {
  const known = new Map<string, CheckedPeriod>();
  return (key, measure) => {
    const at = `${measure.frequency}\u0000${key}`;
    const seen = known.get(at);
    if (seen) return seen;
    const checked = periodOf(key, measure);
    // A problem names the measure, so only a period that fits is shared between rows.
    if (!isProblem(checked)) known.set(at, checked);
    return checked;
  };
}

/** The row's status alone, without building its message: most rows of a long file are never shown. */
function statusOf(w: PlannedWrite): RowStatus {
  if (unchanged(w)) return 'accepted';
  if (warningsIn(w.qualityFlags).length > 0) return 'warning';
  const e = w.existing;
  return e && e.status !== 'draft' && e.status !== 'submitted' ? 'warning' : 'accepted';
}

/** What committing the row will do: a warning when it replaces a figure someone has already moved on. */
function outcome(w: PlannedWrite): Pick<PreviewRow, 'status' | 'messages'> {
  const at = `row ${w.row}`;
  const e = w.existing;
  // A soft rule's finding, explained by the row's commentary: the figure goes in, and whoever reads it is told.
  const warnings = warningsIn(w.qualityFlags);
  if (warnings.length > 0 && !unchanged(w))
    return {
      status: 'warning',
      messages: warnings.map((text) => ({
        column: 'value',
        text: `${at}, column value: ${text}; saved with the commentary as its explanation`,
      })),
    };
  if (!e) return { status: 'accepted', messages: [{ column: '', text: `${at}: a new figure` }] };
  if (unchanged(w))
    return {
      status: 'accepted',
      messages: [{ column: '', text: `${at}: the same as the figure stored; nothing changes` }],
    };
  const was = e.value == null ? 'no value' : String(Number(e.value));
  if (e.status === 'published') {
    return {
      status: 'warning',
      messages: [
        {
          column: 'value',
          text: `${at}, column value: replaces the published figure ${was}; it will show as revised`,
        },
      ],
    };
  }
  if (e.status !== 'draft' && e.status !== 'submitted') {
    return {
      status: 'warning',
      messages: [
        {
          column: 'value',
          text: `${at}, column value: replaces the ${e.status} figure ${was}, which goes back to submitted`,
        },
      ],
    };
  }
  return { status: 'accepted', messages: [{ column: '', text: `${at}: replaces ${was}` }] };
}

function unchanged(w: PlannedWrite): boolean {
  const e = w.existing;
  const same = (stored: string | null, given: number | null) =>
    stored == null ? given == null : given != null && Number(stored) === given;
  return (
    e !== undefined &&
    same(e.value, w.figure.value) &&
    same(e.numerator, w.figure.numerator) &&
    same(e.denominator, w.figure.denominator) &&
    e.commentary === w.figure.commentary
  );
}

/** A soft rule broken with no commentary to explain it: the upload's way to give the explanation is that column. */
function explanationNeeded(error: ExplanationNeededError): string {
  const warnings = error.warnings.map((w) => w.message).join('; ');
  return `explain in commentary why this figure is right: it breaks a soft rule (${warnings})`;
}

/** The file's column a rule's finding is about: its figure fields share the column names; anything else, the value. */
function columnOf(field: string): Column {
  return (columns as readonly string[]).includes(field) ? (field as Column) : 'value';
}
