// What the targets page shows: the measure, its targets around today, and the annual-profile form for a year.
import type { CurrentUser } from '../access/current-user.ts';
import type { Db } from '../db/connection.ts';
import { getMeasure, type MeasureWithId } from './measures.service.ts';
import { type ProfileView, profileView } from './target-profiles.service.ts';
import { type TargetSlot, targetSlots, targetWindow } from './targets.service.ts';

export interface TargetsPage {
  measure: MeasureWithId;
  slots: TargetSlot[];
  profile: ProfileView | null;
}

export async function targetsPage(
  db: Db,
  user: CurrentUser,
  code: string,
  yearKey?: string,
): Promise<TargetsPage> {
  const measure = await getMeasure(db, user, code);
  const [slots, profile] = await Promise.all([
    targetSlots(db, measure.id, targetWindow(measure.frequency)),
    profileView(db, measure, yearKey),
  ]);
  return { measure, slots, profile };
}
