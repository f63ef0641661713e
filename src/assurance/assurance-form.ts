// Reads the assurance forms: the shared form reader plus GOV.UK date inputs (day, month, year), report links and
// the pickers of a service and a person, each bad field named in plain English.
import { FormReader } from '../structure/form-reader.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** A calendar day as 'YYYY-MM-DD', split for a GOV.UK date input. */
export function dateParts(iso: string | null | undefined): { day: string; month: string; year: string } {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return match
    ? { year: match[1] ?? '', month: String(Number(match[2])), day: String(Number(match[3])) }
    : { day: '', month: '', year: '' };
}

export class AssuranceForm extends FormReader {
  constructor(private readonly fields: Record<string, unknown>) {
    super(fields);
  }

  private part(name: string): string {
    const value = this.fields[name];
    return typeof value === 'string' ? value.trim() : '';
  }

  /** A GOV.UK date input `name-day`, `name-month`, `name-year`; null when blank (and not required) or wrong. */
  date(name: string, options: { label: string; required?: boolean }): string | null {
    const [day, month, year] = ['day', 'month', 'year'].map((p) => this.part(`${name}-${p}`));
    if (!day && !month && !year) {
      if (options.required) this.fail(name, `Enter the ${options.label.toLowerCase()}`);
      return null;
    }
    if (!/^\d{1,2}$/.test(day ?? '') || !/^\d{1,2}$/.test(month ?? '') || !/^\d{4}$/.test(year ?? '')) {
      this.fail(name, `${options.label} must be a real date, like 27 3 2026, with a four-digit year`);
      return null;
    }
    const iso = `${year}-${pad(Number(month))}-${pad(Number(day))}`;
    const parsed = new Date(`${iso}T12:00:00Z`);
    if (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== iso) {
      this.fail(name, `${options.label} must be a real date, like 27 3 2026`);
      return null;
    }
    if (Number(year) < 2000 || Number(year) > 2100) {
      this.fail(name, `${options.label} must be between the years 2000 and 2100`);
      return null;
    }
    return iso;
  }

  /** A link to a published report: blank, or a full https address. */
  url(name: string, label: string): string {
    const value = this.text(name, { label, max: 500 });
    if (value === '') return '';
    let parsed: URL | null = null;
    try {
      parsed = new URL(value);
    } catch {
      parsed = null;
    }
    if (!parsed || parsed.protocol !== 'https:' || !parsed.hostname.includes('.'))
      this.fail(
        name,
        `${label} must be a full web address starting https://, like https://reports.ofsted.gov.uk/…`,
      );
    return value;
  }
}

/** The error summary's links and each field's message; a date's link goes to its day box. */
export function formErrors(
  problems: { field: string; message: string }[],
  dateFields: string[] = [],
): { errors: { href: string; text: string }[]; errorFor: Record<string, string> } {
  const errorFor: Record<string, string> = {};
  for (const p of problems) errorFor[p.field] ??= p.message;
  return {
    errors: problems.map((p) => ({
      href: `#${p.field}${dateFields.includes(p.field) ? '-day' : ''}`,
      text: p.message,
    })),
    errorFor,
  };
}

/** What a form sent, each field as one string, without its CSRF token: what the form shows again on an error. */
export function sentValues(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(body)
      .filter((k) => k !== '_csrf')
      .map((k) => [k, fieldOf(body, k)]),
  );
}

/** A query or form field as one string. */
export function fieldOf(body: Record<string, unknown> | undefined, name: string): string {
  const value = body?.[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return '';
}
