// Chart pictures a PDF is laid out with before they are drawn. pdfmake measures a picture by its size, known from
// the chart's SVG, and embeds it as an image object whose pixels are written into the file when they arrive (PDF
// objects may be written in any order), so the paper's text is laid out on one core while the charts are drawn
// on the others. pdfmake only takes pictures it can open, so its PDFDocument is taught this one kind more.
import pdfDocumentModule from 'pdfmake/js/PDFDocument.js';
import type { ChartPng } from './chart-png.ts';

const MARK = 'civic-scorecard-picture:';

interface PdfReference {
  data: Record<string, unknown>;
  end(chunk?: Buffer): void;
}

interface PdfKitDocument {
  ref(data: Record<string, unknown>): PdfReference;
  _imageCount: number;
}

/** An image as pdfkit draws it: a label, a size in pixels, and the object holding its pixels. */
class LatePicture {
  obj: PdfReference | null = null;
  label = '';

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly arriving: Promise<ChartPng>,
  ) {}

  embed(document: PdfKitDocument): void {
    if (this.obj) return;
    this.label = `I${++document._imageCount}`;
    const image = document.ref({
      Type: 'XObject',
      Subtype: 'Image',
      BitsPerComponent: 8,
      Filter: 'FlateDecode',
    });
    this.obj = image;
    // A failed drawing rejects the paper (see PdfPictures.allArrived); this object is then never written.
    this.arriving.then(
      (png) => {
        Object.assign(image.data, {
          Width: png.width,
          Height: png.height,
          ColorSpace: 'DeviceRGB',
          // Our PNGs' rows are each prefixed by their filter byte, as PDF's PNG predictors expect.
          DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: png.width },
        });
        image.end(deflatedRows(png.data));
      },
      () => {},
    );
  }
}

/** The compressed rows of an 8-bit RGB PNG: its IDAT chunks, joined. */
export function deflatedRows(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IHDR' && (png[at + 16] !== 8 || png[at + 17] !== 2))
      throw new Error('a chart picture must be an 8-bit RGB PNG');
    if (type === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return Buffer.concat(parts);
}

const waiting = new Map<string, LatePicture>();
let papers = 0;

const { prototype } = pdfDocumentModule.default;
const openPicture = prototype.provideImage;
prototype.provideImage = function provideImage(
  this: { images: Record<string, unknown>; _imageRegistry: Record<string, unknown> },
  src: string,
) {
  const value = this.images[src];
  const late = typeof value === 'string' && value.startsWith(MARK) ? waiting.get(value) : undefined;
  if (!late) return openPicture.call(this, src);
  late.embed(this as unknown as PdfKitDocument);
  // Where pdfkit looks a picture up by name when it draws it.
  this._imageRegistry[src] = late;
  return late;
};

/** One paper's chart pictures, by name, for pdfmake's `images`; each distinct chart once. */
export class PdfPictures {
  readonly images: Record<string, string> = {};
  private readonly names = new Map<string, string>();
  private readonly paper = ++papers;

  constructor(
    private readonly arriving: Promise<Map<string, ChartPng>>,
    private readonly size: (svg: string) => { width: number; height: number },
  ) {}

  nameOf(svg: string, chartName: string): string {
    let name = this.names.get(svg);
    if (name === undefined) {
      name = `chart-${this.names.size + 1}`;
      this.names.set(svg, name);
      const mark = `${MARK}${this.paper}:${name}`;
      this.images[name] = mark;
      const { width, height } = this.size(svg);
      const png = this.arriving.then((pngs) => {
        const drawn = pngs.get(svg);
        if (!drawn) throw new Error(`the chart "${chartName}" was not drawn`);
        return drawn;
      });
      png.catch(() => {}); // reported by allArrived, not as an unhandled rejection
      waiting.set(mark, new LatePicture(width, height, png));
    }
    return name;
  }

  /** Resolves once every picture has arrived (and rejects if one cannot); the paper is not whole before. */
  async allArrived(): Promise<void> {
    const pngs = await this.arriving;
    for (const svg of this.names.keys()) if (!pngs.has(svg)) throw new Error('a chart was not drawn');
  }

  /** Forgets this paper's pictures once it is written. */
  done(): void {
    for (const name of Object.values(this.images)) waiting.delete(name);
  }
}
