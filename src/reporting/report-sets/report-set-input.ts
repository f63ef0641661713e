// The fields of a report set as a person or the demo gives them, and the checks that need no database: each bad
// field gets one plain-English problem naming it. Pure.
import type { ReportAudience, ReportGrouping } from '../../db/schema.ts';
import type { FieldProblem } from '../../web/errors.ts';

export const AUDIENCES = ['cmt', 'portfolio', 'committee', 'public'] as const;
export const GROUPINGS = ['outcome', 'service', 'portfolio'] as const;
export const MAX_RECIPIENTS = 100;

export interface ReportSetInput {
  /** Fixed once the set exists: it names the set in links, the CLI and published reports. */
  name: string;
  title: string;
  audience: string;
  /** A portfolio code, for a portfolio's set. */
  portfolio: string;
  /** A select committee's code, for a committee's set. */
  committee: string;
  grouping: string;
  year: string;
  /** E-mail addresses. */
  recipients: string[];
  /**
   * Measure codes in report order. Left out, an edit keeps the measures as they are and a new committee set takes
   * those its committee's terms of reference propose.
   */
  measures?: string[];
}

export interface CheckedInput {
  name: string;
  title: string;
  audience: ReportAudience;
  portfolio: string;
  committee: string;
  grouping: ReportGrouping;
  year: string;
  recipients: string[];
  measures?: string[];
}

const NAME = /^[a-z0-9][a-z0-9-]{0,79}$/;
const EMAIL = /^[^@\s,;]+@[^@\s,;]+\.[^@\s,;]+$/;

/** '2026-27': a financial year whose second half is the year after the first. */
export function isFinancialYear(year: string): boolean {
  const match = /^(\d{4})-(\d{2})$/.exec(year);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** The financial year (April to March) a day falls in, e.g. '2026-27' for 26 November 2026. */
export function financialYearOf(day: Date): string {
  const start = day.getUTCMonth() >= 3 ? day.getUTCFullYear() : day.getUTCFullYear() - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Recipients typed one a line, or separated by commas or semicolons. */
export function recipientsFromText(text: string): string[] {
  return text
    .split(/[\n,;]+/)
    .map((r) => r.trim())
    .filter(Boolean);
}

export function checkSetInput(input: ReportSetInput): { values: CheckedInput; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const fail = (field: string, message: string) => problems.push({ field, message });
  const name = input.name.trim();
  if (name === '') fail('name', 'Enter a name for the set, like portfolio-housing');
  else if (name === 'new') fail('name', "Name cannot be 'new': choose another name");
  else if (!NAME.test(name))
    fail(
      'name',
      'Name must be 80 characters or fewer, in lower-case letters, numbers and hyphens, starting with a letter or number, like committee-place-housing',
    );
  const title = input.title.trim();
  if (title === '') fail('title', 'Enter the title of the set, as its reports are headed');
  else if (title.length > 200) fail('title', 'Title must be 200 characters or fewer');
  const audience = AUDIENCES.find((a) => a === input.audience);
  if (!audience) fail('audience', 'Select who the reports are for');
  const portfolio = input.portfolio.trim();
  if (audience === 'portfolio' && portfolio === '')
    fail('portfolio', 'Select the Cabinet portfolio the reports are for');
  const committee = input.committee.trim();
  if (audience === 'committee' && committee === '')
    fail('committee', 'Select the committee the reports are for');
  const grouping = GROUPINGS.find((g) => g === input.grouping);
  if (!grouping) fail('grouping', 'Select how the measures are grouped in reports');
  const year = input.year.trim();
  if (!isFinancialYear(year))
    fail('year', 'Enter the financial year the measures are for, like 2026-27 (April 2026 to March 2027)');
  const recipients = [...new Set(input.recipients.map((r) => r.trim()).filter(Boolean))];
  const bad = recipients.filter((r) => !EMAIL.test(r));
  if (bad.length > 0)
    fail(
      'recipients',
      `Recipients: ${bad.map((b) => `'${b}'`).join(', ')} ${bad.length === 1 ? 'is not an e-mail address' : 'are not e-mail addresses'}`,
    );
  else if (recipients.length > MAX_RECIPIENTS)
    fail('recipients', `Enter ${MAX_RECIPIENTS} recipients or fewer`);
  return {
    values: {
      name,
      title,
      audience: audience ?? 'cmt',
      portfolio: audience === 'portfolio' ? portfolio : '',
      committee: audience === 'committee' ? committee : '',
      grouping: grouping ?? 'outcome',
      year,
      recipients,
      measures: input.measures && [...new Set(input.measures.map((m) => m.trim()).filter(Boolean))],
    },
    problems,
  };
}
