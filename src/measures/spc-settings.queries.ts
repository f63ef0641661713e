// SPC settings' SQL: a measure's current settings and their versions, and a write that only succeeds against
// the version the writer read (or, for a measure never set, only if nobody has set it meanwhile).
import type { Db } from '../db/connection.ts';
import type { SpcRecalculation } from '../db/schema.ts';
import type { CheckedSpcSettings } from './spc-settings.validation.ts';

export interface SpcSettingsRow {
  baseline_from: string | null;
  baseline_start: string | null;
  baseline_to: string | null;
  baseline_reason: string;
  recalculations: SpcRecalculation[];
  version: number;
  updated_at: Date;
  updated_by_name: string | null;
}

export interface SpcSettingsVersionRow {
  version: number;
  snapshot: Record<string, unknown>;
  changed_at: Date;
  changed_by_name: string | null;
}

export async function spcSettingsOf(db: Db, measureId: string): Promise<SpcSettingsRow | undefined> {
  return db
    .selectFrom('measure_spc_settings as s')
    .leftJoin('users as u', 'u.id', 's.updated_by')
    .select([
      's.baseline_from',
      's.baseline_start',
      's.baseline_to',
      's.baseline_reason',
      's.recalculations',
      's.version',
      's.updated_at',
      'u.display_name as updated_by_name',
    ])
    .where('s.measure_id', '=', measureId)
    .executeTakeFirst();
}

export function spcSettingVersions(db: Db, measureId: string): Promise<SpcSettingsVersionRow[]> {
  return db
    .selectFrom('measure_spc_setting_versions as v')
    .leftJoin('users as u', 'u.id', 'v.changed_by')
    .select(['v.version', 'v.snapshot', 'v.changed_at', 'u.display_name as changed_by_name'])
    .where('v.measure_id', '=', measureId)
    .orderBy('v.version', 'desc')
    .execute();
}

export interface SpcSettingsWrite {
  councilId: string;
  measureId: string;
  userId: string;
  settings: CheckedSpcSettings;
  /** The version the writer read; null when the measure had no settings. */
  expectedVersion: number | null;
}

/** The new version, or null when someone else wrote first. Records the version's snapshot beside it. */
export async function writeSpcSettings(db: Db, w: SpcSettingsWrite): Promise<number | null> {
  const { baseline, recalculations } = w.settings;
  const columns = {
    baseline_from: baseline?.from ?? null,
    baseline_start: baseline?.start ?? null,
    baseline_to: baseline?.to ?? null,
    baseline_reason: baseline?.reason ?? '',
    recalculations: JSON.stringify(recalculations),
    updated_by: w.userId,
    updated_at: new Date(),
  };
  const written =
    w.expectedVersion === null
      ? await db
          .insertInto('measure_spc_settings')
          .values({ council_id: w.councilId, measure_id: w.measureId, ...columns })
          .onConflict((oc) => oc.column('measure_id').doNothing())
          .returning('version')
          .executeTakeFirst()
      : await db
          .updateTable('measure_spc_settings')
          .set((eb) => ({ ...columns, version: eb('version', '+', 1) }))
          .where('measure_id', '=', w.measureId)
          .where('version', '=', w.expectedVersion)
          .returning('version')
          .executeTakeFirst();
  if (!written) return null;
  await db
    .insertInto('measure_spc_setting_versions')
    .values({
      council_id: w.councilId,
      measure_id: w.measureId,
      version: written.version,
      snapshot: JSON.stringify(snapshotOf(w.settings)),
      changed_by: w.userId,
    })
    .execute();
  return written.version;
}

/** What a version keeps: the settings as a person typed them, without the derived start dates. */
export function snapshotOf(settings: CheckedSpcSettings): Record<string, unknown> {
  return {
    baseline: settings.baseline
      ? { from: settings.baseline.from, to: settings.baseline.to, reason: settings.baseline.reason }
      : null,
    recalculations: settings.recalculations.map(({ period, reason }) => ({ period, reason })),
  };
}
