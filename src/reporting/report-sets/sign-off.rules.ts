// A portfolio report set's sign-off as data: each step, the states it moves a set from and to, who takes it, and
// the words pages, refusals and the audit log use. A director of the portfolio proposes the set; its Cabinet
// Member signs it off (locking its measures) or returns it with a comment.
import type { Action } from '../../access/permissions.ts';
import type { ReportAudience, SignOffStatus } from '../../db/schema.ts';

export const SIGN_OFF_ACTIONS = ['propose', 'sign_off', 'return'] as const;
export type SignOffAction = (typeof SIGN_OFF_ACTIONS)[number];

export interface SignOffRule {
  from: readonly SignOffStatus[];
  to: SignOffStatus;
  permission: Action;
  /** The button: "Propose for sign-off". */
  verb: string;
  /** "proposed", for "… so it cannot be proposed". */
  done: string;
  /** Who takes it, for refusals. */
  who: string;
  /** The sets it applies to, for refusals: "a draft or returned set". */
  needs: string;
}

export const SIGN_OFF_RULES: Record<SignOffAction, SignOffRule> = {
  propose: {
    from: ['draft', 'returned'],
    to: 'proposed',
    permission: 'reportset.propose',
    verb: 'Propose for sign-off',
    done: 'proposed for sign-off',
    who: 'a director of the portfolio',
    needs: 'a draft or returned set',
  },
  sign_off: {
    from: ['proposed'],
    to: 'signed_off',
    permission: 'reportset.signoff',
    verb: 'Sign off',
    done: 'signed off',
    who: 'the Cabinet Member for the portfolio',
    needs: 'a proposed set',
  },
  return: {
    from: ['proposed'],
    to: 'returned',
    permission: 'reportset.signoff',
    verb: 'Return with comments',
    done: 'returned',
    who: 'the Cabinet Member for the portfolio',
    needs: 'a proposed set',
  },
};

/** How a sign-off status reads: it says what happens next. */
export const SIGN_OFF_WORDS: Record<SignOffStatus, string> = {
  draft: 'Draft: not yet proposed for sign-off',
  proposed: 'Proposed, awaiting sign-off by the Cabinet Member',
  signed_off: 'Signed off',
  returned: 'Returned with comments, awaiting a new proposal',
};

/** The tag beside a status: words always, colour only as a second cue. */
export const SIGN_OFF_TAGS: Record<SignOffStatus, { text: string; classes: string }> = {
  draft: { text: 'Draft', classes: 'govuk-tag--grey' },
  proposed: { text: 'Proposed', classes: 'govuk-tag--blue' },
  signed_off: { text: 'Signed off', classes: 'govuk-tag--green' },
  returned: { text: 'Returned', classes: 'govuk-tag--orange' },
};

export const AUDIENCE_WORDS: Record<ReportAudience, string> = {
  cmt: 'Corporate Management Team',
  portfolio: 'Cabinet portfolio',
  committee: 'Select committee',
  public: 'The public',
};

/** The history's words for each audited action on a set. */
export const HISTORY_WORDS: Record<string, string> = {
  'reportset.create': 'Created',
  'reportset.update': 'Changed',
  'reportset.propose': 'Proposed for sign-off',
  'reportset.sign_off': 'Signed off',
  'reportset.return': 'Returned with comments',
  'reportset.change_request': 'Change requested',
  'reportset.change_sign_off': 'Change signed off',
  'reportset.change_return': 'Change returned with comments',
};

export const CHANGE_STATUS_WORDS: Record<'proposed' | 'signed_off' | 'returned', string> = {
  proposed: 'Awaiting the Cabinet Member',
  signed_off: 'Signed off',
  returned: 'Returned with comments',
};

export const CHANGE_WORDS: Record<'add' | 'remove', string> = { add: 'Add', remove: 'Remove' };

export const MAX_COMMENT = 2000;
