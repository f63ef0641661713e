// The approval workflow as data: each step's action, the status it moves a figure from and to, and who may take
// it. A figure can be returned to draft, with a comment, by whoever may take the step it is waiting at.
import type { Action } from '../../access/permissions.ts';
import type { ValueStatus } from '../../db/schema.ts';

export const STEPS = ['submit', 'validate', 'approve', 'publish'] as const;
export type Step = (typeof STEPS)[number];
export const TRANSITIONS = [...STEPS, 'return'] as const;
export type Transition = (typeof TRANSITIONS)[number];

export interface StepRule {
  from: ValueStatus;
  to: ValueStatus;
  permission: Action;
  /** "Validate" — the button and the audit log's words. */
  verb: string;
  /** Who takes it, for refusals: "a performance officer". */
  who: string;
}

export const STEP_RULES: Record<Step, StepRule> = {
  submit: {
    from: 'draft',
    to: 'submitted',
    permission: 'value.submit',
    verb: 'Submit',
    who: 'a data owner or performance officer',
  },
  validate: {
    from: 'submitted',
    to: 'validated',
    permission: 'value.validate',
    verb: 'Validate',
    who: 'a performance officer',
  },
  approve: {
    from: 'validated',
    to: 'approved',
    permission: 'value.approve',
    verb: 'Approve',
    who: 'the director for the service',
  },
  publish: {
    from: 'approved',
    to: 'published',
    permission: 'value.publish',
    verb: 'Publish',
    who: 'a performance officer',
  },
};

/** The step a figure in this status is waiting for; none once it is published. */
export function stepWaitingAt(status: ValueStatus): Step | null {
  return STEPS.find((s) => STEP_RULES[s].from === status) ?? null;
}

/** A figure can be returned from the step it waits at, except the data owner's own (a draft is theirs already). */
export function returnableFrom(status: ValueStatus): Step | null {
  const step = stepWaitingAt(status);
  return step === 'submit' ? null : step;
}

/** How a status reads to people: "awaiting validation" says what happens next. */
export const STATUS_WORDS: Record<ValueStatus, string> = {
  draft: 'Draft',
  submitted: 'Submitted, awaiting validation',
  validated: 'Validated, awaiting approval',
  approved: 'Approved, awaiting publication',
  published: 'Published',
};

export const MAX_COMMENT = 2000;
