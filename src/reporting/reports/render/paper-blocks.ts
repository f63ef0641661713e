// The blocks a paper is made of — headings, paragraphs, lists, tables, charts — which the Word and PDF renderers
// each know how to draw.

/** A RAG verdict or other judgement: a symbol and words, so colour is never what carries the meaning. */
export interface MarkedText {
  symbol: string;
  text: string;
}
export type PaperCell = string | MarkedText;

export type PaperBlock =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; level: 1 | 2 | 3; text: string; newPage: boolean }
  | { kind: 'paragraph'; text: string; label?: string }
  | { kind: 'bullets'; items: string[] }
  /** `widths` are shares of the page width, one per column; the header row repeats on every page. */
  | { kind: 'table'; header: string[]; rows: PaperCell[][]; widths: number[] }
  | { kind: 'chart'; svg: string; alt: string; name: string }
  | { kind: 'pageBreak' };

export function heading(level: 1 | 2 | 3, text: string, newPage = false): PaperBlock {
  return { kind: 'heading', level, text, newPage };
}

/** A paragraph, optionally led by a bold label ("Period: Q2 2026/27"). */
export function paragraph(text: string, label?: string): PaperBlock {
  return label === undefined ? { kind: 'paragraph', text } : { kind: 'paragraph', text, label };
}

export function cellText(cell: PaperCell): string {
  return typeof cell === 'string' ? cell : `${cell.symbol} ${cell.text}`;
}
