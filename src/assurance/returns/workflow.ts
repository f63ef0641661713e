// The statutory return's life, as a pure state machine: which status may follow which, and in words why not.
import type { ReturnStatus } from '../../db/schema.ts';

export const RETURN_STATUSES: readonly ReturnStatus[] = [
  'not_started',
  'in_preparation',
  'quality_checked',
  'submitted',
  'accepted',
  'resubmission_required',
];

export const returnStatusLabels: Record<ReturnStatus, string> = {
  not_started: 'Not started',
  in_preparation: 'In preparation',
  quality_checked: 'Quality-checked',
  submitted: 'Submitted',
  accepted: 'Accepted',
  resubmission_required: 'Resubmission required',
};

/** What each status may become. A quality-checked return may go back to preparation if a problem is found. */
export const nextStatuses: Record<ReturnStatus, readonly ReturnStatus[]> = {
  not_started: ['in_preparation'],
  in_preparation: ['quality_checked'],
  quality_checked: ['submitted', 'in_preparation'],
  submitted: ['accepted', 'resubmission_required'],
  resubmission_required: ['in_preparation'],
  accepted: [],
};

/** Returns still owed to the recipient: not yet submitted, or sent back for resubmission. */
export const OWED: readonly ReturnStatus[] = [
  'not_started',
  'in_preparation',
  'quality_checked',
  'resubmission_required',
];

/** null when the move is allowed; otherwise why not, in words. */
export function refusalOf(from: ReturnStatus, to: ReturnStatus, uncheckedItems: string[]): string | null {
  if (!nextStatuses[from].includes(to)) {
    const allowed = nextStatuses[from].map((s) => returnStatusLabels[s].toLowerCase());
    return `A return that is ${returnStatusLabels[from].toLowerCase()} cannot become ${returnStatusLabels[to].toLowerCase()}${
      allowed.length ? `: it can become ${allowed.join(' or ')}` : ': it is finished'
    }`;
  }
  if (to === 'quality_checked' && uncheckedItems.length > 0)
    return `The return cannot be marked quality-checked until every data-quality check is ticked: ${uncheckedItems.join('; ')}`;
  return null;
}

/** Checks may be ticked or unticked only while the return is being prepared. */
export const checksOpen = (status: ReturnStatus): boolean =>
  status === 'in_preparation' || status === 'not_started';

export const isOverdue = (status: ReturnStatus, dueOn: string, today: string): boolean =>
  OWED.includes(status) && dueOn < today;
