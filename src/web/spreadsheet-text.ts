// Text written into a spreadsheet or CSV from what people typed: kept as text, never run as a formula
// (spreadsheet formula injection), for every export — round templates, report figures, open data.

/** A spreadsheet would run text starting with these as a formula; a leading apostrophe keeps it text. */
export function neutralised(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}
