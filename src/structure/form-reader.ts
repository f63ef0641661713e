// Reads a submitted HTML form field by field, collecting one plain-English problem per bad field so the
// person sees every mistake at once, each naming the field and why.
import type { FieldProblem } from '../web/errors.ts';

const codePattern = /^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$/;

/** A form field as a list: checkboxes send one string when one box is ticked, an array when several are. */
export function asList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const strings = items.filter((v): v is string => typeof v === 'string').map((v) => v.trim());
  return [...new Set(strings.filter((v) => v !== ''))];
}

export class FormReader {
  readonly problems: FieldProblem[] = [];

  constructor(private readonly body: Record<string, unknown>) {}

  fail(field: string, message: string): void {
    if (!this.problems.some((p) => p.field === field)) this.problems.push({ field, message });
  }

  private raw(name: string): string {
    const value = this.body[name];
    if (typeof value === 'string') return value;
    if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
    return '';
  }

  /** Trimmed text; `required` is the message shown when it is blank. */
  text(name: string, options: { label: string; max: number; required?: string }): string {
    const value = this.raw(name).trim();
    if (value === '' && options.required) this.fail(name, options.required);
    else if (value.length > options.max)
      this.fail(name, `${options.label} must be ${options.max} characters or fewer`);
    return value;
  }

  code(name = 'code'): string {
    const value = this.raw(name).trim();
    if (value === '') this.fail(name, 'Enter a code');
    else if (value.length > 30) this.fail(name, 'Code must be 30 characters or fewer');
    else if (!codePattern.test(value)) {
      this.fail(
        name,
        'Code must start with a capital letter and contain only capital letters, numbers and single hyphens between them, like HOU-RM',
      );
    }
    return value;
  }

  wholeNumber(name: string, options: { label: string; min: number; max: number }): number {
    const value = this.raw(name).trim();
    if (value === '') {
      this.fail(name, `Enter a ${options.label.toLowerCase()}, as a whole number like 3`);
      return 0;
    }
    if (!/^-?\d+$/.test(value)) {
      this.fail(name, `${options.label} must be a whole number, like 3`);
      return 0;
    }
    const number = Number(value);
    if (number < options.min || number > options.max) {
      this.fail(name, `${options.label} must be between ${options.min} and ${options.max}`);
    }
    return number;
  }

  choice<T extends string>(name: string, allowed: readonly T[], message: string): T {
    const value = this.raw(name).trim();
    const found = allowed.find((a) => a === value);
    if (found === undefined) {
      this.fail(name, message);
      return allowed[0] as T;
    }
    return found;
  }

  list(name: string): string[] {
    return asList(this.body[name]);
  }

  /** One entry per non-blank line, each trimmed, repeats dropped. */
  lines(name: string, options: { label: string; maxEach: number; maxCount: number }): string[] {
    const lines = [
      ...new Set(
        this.raw(name)
          .split(/\r?\n/)
          .map((l) => l.trim())
          .filter((l) => l !== ''),
      ),
    ];
    const tooLong = lines.find((l) => l.length > options.maxEach);
    if (tooLong)
      this.fail(
        name,
        `Each of the ${options.label.toLowerCase()} must be ${options.maxEach} characters or fewer`,
      );
    else if (lines.length > options.maxCount)
      this.fail(name, `Enter ${options.maxCount} ${options.label.toLowerCase()} or fewer`);
    return lines;
  }

  /** The record version the form was opened at; null when the form did not carry one. */
  version(): number | null {
    const value = this.raw('version').trim();
    return /^\d+$/.test(value) ? Number(value) : null;
  }
}
