// A Word document's parts zipped as docx zips them, except that the chart images, already-deflated PNGs, are stored
// as they are: docx 9 deflates every part again, which for a 200-chart paper took ~1.8 s and saved nothing. And the
// images go in only here: docx names an image by a SHA-1 of its bytes, in JavaScript (~0.5 s for 200 charts), so
// it is given a few bytes standing for each (`ChartMedia`), swapped for the picture as the parts are zipped.
import { Packer, type Document } from 'docx';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ChartPng } from './chart-png.ts';

type Part = string | Uint8Array | ArrayBuffer;

interface DocxCompiler {
  /** The package's parts by path, in the order docx zips them (`[Content_Types].xml` first). */
  compile(document: Document): Map<string, Part>;
}

// docx keeps its compiler as a private static of Packer; its public methods only give the zipped whole.
const compiler = (Packer as unknown as { compiler: DocxCompiler }).compiler;

const PLACEHOLDER = 'civic-scorecard picture ';

/** Each chart of a paper, by the placeholder given to docx in its stead. */
export class ChartMedia {
  private readonly placeholders = new Map<string, string>();
  private readonly charts = new Map<string, { svg: string; name: string }>();

  /** The bytes to give docx for this chart's picture: the same chart, the same bytes (so docx stores it once). */
  placeholderFor(svg: string, name: string): Buffer {
    let placeholder = this.placeholders.get(svg);
    if (placeholder === undefined) {
      placeholder = `${PLACEHOLDER}${this.placeholders.size + 1}`;
      this.placeholders.set(svg, placeholder);
      this.charts.set(placeholder, { svg, name });
    }
    return Buffer.from(placeholder);
  }

  /** The picture a media part stands for (docx names media parts itself: image1.png, …). */
  pictureFor(path: string, part: Uint8Array, pngs: Map<string, ChartPng>): Uint8Array | undefined {
    if (!path.startsWith('word/media/') || part.byteLength > 64) return undefined;
    const chart = this.charts.get(
      Buffer.from(part.buffer, part.byteOffset, part.byteLength).toString('latin1'),
    );
    if (!chart) return undefined;
    const png = pngs.get(chart.svg);
    if (!png) throw new Error(`the chart "${chart.name}" was not drawn`);
    return png.data;
  }
}

/** The document's parts are written while its charts may still be being drawn; they are zipped once drawn. */
export async function zippedDocx(
  document: Document,
  media: ChartMedia,
  charts: Promise<Map<string, ChartPng>>,
): Promise<Buffer> {
  const written = compiler.compile(document);
  const pngs = await charts;
  const parts: Zippable = {};
  for (const [path, data] of written) {
    const part = bytesOf(data);
    const bytes = media.pictureFor(path, part, pngs) ?? part;
    parts[path] = path.startsWith('word/media/') ? [bytes, { level: 0 }] : bytes;
  }
  const zip = zipSync(parts);
  return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
}

function bytesOf(part: Part): Uint8Array {
  if (typeof part === 'string') return strToU8(part);
  return part instanceof Uint8Array ? part : new Uint8Array(part);
}
