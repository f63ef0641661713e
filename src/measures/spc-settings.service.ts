// A measure's SPC settings, read and changed: the baseline its limits are fixed from and the points where they
// are recalculated, each with its reason. Performance officers change them; every change is versioned and audited.
import type { CurrentUser } from '../access/current-user.ts';
import { authorize } from '../access/permissions.ts';
import { parsePeriod, periodLabel } from '../assessment/index.ts';
import type { Db } from '../db/connection.ts';
import { ConflictError, ValidationError } from '../web/errors.ts';
import { formatDateTime } from '../web/filters.ts';
import { recordAudit } from './measure-writes.queries.ts';
import { getMeasure, type MeasureWithId } from './measures.service.ts';
import {
  snapshotOf,
  spcSettingsOf,
  spcSettingVersions,
  writeSpcSettings,
  type SpcSettingsRow,
} from './spc-settings.queries.ts';
import { validateSpcSettings, type SpcSettingsInput } from './spc-settings.validation.ts';

export interface SpcSettingsOut {
  baseline: { from: string; fromLabel: string; to: string; toLabel: string; reason: string } | null;
  recalculations: { period: string; label: string; reason: string }[];
  /** null until the settings are first saved. */
  version: number | null;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface SpcSettingsVersionOut {
  version: number;
  changedAt: string;
  changedBy: string | null;
  summary: string;
}

export async function getSpcSettings(
  db: Db,
  user: CurrentUser,
  code: string,
): Promise<{ measure: MeasureWithId; settings: SpcSettingsOut; versions: SpcSettingsVersionOut[] }> {
  const measure = await getMeasure(db, user, code);
  const [row, versions] = await Promise.all([
    spcSettingsOf(db, measure.id),
    spcSettingVersions(db, measure.id),
  ]);
  return {
    measure,
    settings: presentSettings(row),
    versions: versions.map((v) => ({
      version: v.version,
      changedAt: v.changed_at.toISOString(),
      changedBy: v.changed_by_name,
      summary: summarise(v.snapshot),
    })),
  };
}

export async function saveSpcSettings(
  db: Db,
  user: CurrentUser,
  code: string,
  input: SpcSettingsInput,
  expectedVersion: number | null,
): Promise<SpcSettingsOut> {
  authorize(user, 'measure.write');
  const measure = await getMeasure(db, user, code, 'measure.write');
  const before = await spcSettingsOf(db, measure.id);
  // Checked before the fields, so nobody corrects a form only to learn it was out of date all along.
  if ((before?.version ?? null) !== expectedVersion) throw stale(measure.code, before);
  const { settings, problems } = validateSpcSettings(measure, input);
  if (problems.length)
    throw new ValidationError(problems[0]?.message ?? 'The settings are not valid', problems);
  return db.transaction().execute(async (trx) => {
    const version = await writeSpcSettings(trx, {
      councilId: user.councilId,
      measureId: measure.id,
      userId: user.id,
      settings,
      expectedVersion,
    });
    if (version === null) throw stale(measure.code, await spcSettingsOf(db, measure.id));
    await recordAudit(trx, {
      councilId: user.councilId,
      userId: user.id,
      action: 'measure.spc_settings',
      entity: 'measure',
      entityId: measure.id,
      before: before ? snapshotOf(checkedFromRow(before)) : null,
      after: { ...snapshotOf(settings), version },
    });
    const saved = await spcSettingsOf(trx, measure.id);
    return presentSettings(saved);
  });
}

function stale(code: string, now: SpcSettingsRow | undefined): ConflictError {
  const message = now
    ? `Someone else changed the SPC settings of ${code} since you opened them (now version ${now.version} by ` +
      `${now.updated_by_name ?? 'an unknown user'} at ${formatDateTime(now.updated_at)}). Your change has not been saved.`
    : `The SPC settings of ${code} have changed since you opened them. Your change has not been saved.`;
  return new ConflictError(message, [{ field: 'version', message }]);
}

function label(key: string): string {
  return periodLabel(parsePeriod(key));
}

export function presentSettings(row: SpcSettingsRow | undefined): SpcSettingsOut {
  if (!row) return { baseline: null, recalculations: [], version: null, updatedAt: null, updatedBy: null };
  return {
    baseline:
      row.baseline_from && row.baseline_to
        ? {
            from: row.baseline_from,
            fromLabel: label(row.baseline_from),
            to: row.baseline_to,
            toLabel: label(row.baseline_to),
            reason: row.baseline_reason,
          }
        : null,
    recalculations: row.recalculations.map((r) => ({
      period: r.period,
      label: label(r.period),
      reason: r.reason,
    })),
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    updatedBy: row.updated_by_name,
  };
}

function checkedFromRow(row: SpcSettingsRow) {
  return {
    baseline:
      row.baseline_from && row.baseline_to && row.baseline_start
        ? {
            from: row.baseline_from,
            start: row.baseline_start,
            to: row.baseline_to,
            reason: row.baseline_reason,
          }
        : null,
    recalculations: row.recalculations,
  };
}

/** One line per version for the history list: "Baseline April 2023 to March 2024; recalculated from …". */
function summarise(snapshot: Record<string, unknown>): string {
  const baseline = snapshot.baseline as { from: string; to: string; reason: string } | null;
  const points = (snapshot.recalculations ?? []) as { period: string; reason: string }[];
  const parts = [
    baseline
      ? `Baseline ${label(baseline.from)} to ${label(baseline.to)} (${baseline.reason})`
      : 'No baseline: limits from all the figures shown',
    ...points.map((p) => `recalculated from ${label(p.period)} (${p.reason})`),
  ];
  return parts.join('; ');
}
