// What the rules' findings mean for a figure being saved: a hard finding rejects it (400 naming the field and the
// rule); a soft one needs an explanation, and the warnings with the explanation become the figure's data-quality
// flags, so whoever reads or validates the figure sees both.
import type { RuleResult } from '../../assessment/index.ts';
import { ValidationError, type FieldProblem } from '../../web/errors.ts';

const EXPLANATION_LIMIT = 2000;

/** How a soft rule's warning is marked among a figure's data-quality flags. */
const WARNING_FLAG = 'Warning: ';

/** The soft rules' warnings among a figure's data-quality flags, without the mark. */
export function warningsIn(qualityFlags: readonly string[]): string[] {
  return qualityFlags.filter((f) => f.startsWith(WARNING_FLAG)).map((f) => f.slice(WARNING_FLAG.length));
}

/** A figure that broke only soft rules, sent without an explanation: the form asks for one. */
export class ExplanationNeededError extends ValidationError {
  constructor(readonly warnings: FieldProblem[]) {
    const message = `explanation: this figure breaks ${warnings.length === 1 ? 'a soft rule' : `${warnings.length} soft rules`}; explain why it is right to save it (${warnings.map((w) => w.message).join('; ')})`;
    super(message, [...warnings, { field: 'explanation', message }]);
  }
}

/** The data-quality flags to store with the figure; throws when the figure cannot be saved as it is. */
export function verdictOf(
  result: RuleResult,
  explanation: string | null | undefined,
  { explanationRequired }: { explanationRequired: boolean } = { explanationRequired: true },
): string[] {
  const hard = result.findings.filter((f) => f.severity === 'hard');
  if (hard.length > 0) {
    const problems = hard.map((f) => ({ field: f.field, message: f.message }));
    throw new ValidationError(problems.map((p) => p.message).join('; '), problems);
  }
  const soft = result.findings.map((f) => ({ field: f.field, message: f.message }));
  if (soft.length === 0) return [];
  const why = (explanation ?? '').trim();
  if (why.length > EXPLANATION_LIMIT) {
    const message = `explanation: must be ${EXPLANATION_LIMIT} characters or fewer (it has ${why.length})`;
    throw new ValidationError(message, [{ field: 'explanation', message }]);
  }
  if (why === '' && explanationRequired) throw new ExplanationNeededError(soft);
  const warnings = soft.map((f) => `${WARNING_FLAG}${f.message}`);
  return why === '' ? warnings : [...warnings, `Explanation: ${why}`];
}
