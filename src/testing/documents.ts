// Test support: read back what a renderer produced — a Word document's XML, media and text, a PDF's text and
// bookmarks and pictures — so tests assert on the content people will read, not on a file merely existing.
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface WordParts {
  /** word/document.xml, the body. */
  body: string;
  /** Every file under word/media/, by name. */
  media: Map<string, Buffer>;
}

export async function wordParts(docx: Buffer): Promise<WordParts> {
  const zip = await JSZip.loadAsync(docx);
  const body = await zip.file('word/document.xml')?.async('string');
  if (body === undefined) throw new Error('not a Word document: no word/document.xml');
  const media = new Map<string, Buffer>();
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith('word/media/'))) {
    const file = zip.file(name);
    if (file) media.set(name, await file.async('nodebuffer'));
  }
  return { body, media };
}

/** The document's text as mammoth reads it, one paragraph a line. */
export async function wordText(docx: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: docx })).value;
}

export interface PdfContent {
  /** Each page's text, lines joined by newlines. */
  pages: string[];
  /** The bookmarks, depth first, indented two spaces a level. */
  outline: string[];
  /** How many pictures each page paints. */
  pictures: number[];
}

export async function pdfContent(pdf: Buffer): Promise<PdfContent> {
  const document = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: string[] = [];
    const pictures: number[] = [];
    for (let n = 1; n <= document.numPages; n++) {
      const page = await document.getPage(n);
      const { fnArray } = await page.getOperatorList();
      pictures.push(fnArray.filter((op) => op === OPS.paintImageXObject).length);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    const outline: string[] = [];
    const walk = (items: { title: string; items: unknown[] }[] | null, depth: number) => {
      for (const item of items ?? []) {
        outline.push(`${'  '.repeat(depth)}${item.title}`);
        walk(item.items as { title: string; items: unknown[] }[], depth + 1);
      }
    };
    walk(await document.getOutline(), 0);
    return { pages, outline, pictures };
  } finally {
    await document.destroy();
  }
}

/** Normalises spacing so a phrase is found however the PDF split it into runs. */
export function squashed(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
