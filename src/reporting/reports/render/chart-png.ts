// Charts as PNG for Word, which needs a raster: the same ECharts SVG the web page shows, drawn by resvg at print
// width with the paper's own font, so the text renders on a machine without system fonts. Drawn in worker threads,
// a share each, so a paper's charts use every core while the paper is being put together.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import { PAPER_FONT, PAPER_FONT_FILES } from './paper-fonts.ts';

export interface ChartPng {
  data: Buffer;
  width: number;
  height: number;
}

/** Pixels across: about 180 dots per inch over a 17 cm column, sharp when printed. */
export const PRINT_WIDTH = 1200;
/** The PDF's charts are four fifths of its column wide, so the same sharpness takes 1,000 pixels (a third fewer). */
export const PDF_PRINT_WIDTH = 1000;

const MOST_THREADS = 4;
const WORKER = new URL('./chart-png.worker.mjs', import.meta.url);

function drawingOptions(width: number): ResvgRenderOptions {
  return {
    fitTo: { mode: 'width', value: width },
    background: 'white',
    font: {
      // The system's fonts would make the picture depend on the machine, and scanning them is slow.
      loadSystemFonts: false,
      fontFiles: [PAPER_FONT_FILES.normal, PAPER_FONT_FILES.bold],
      defaultFontFamily: PAPER_FONT,
      sansSerifFamily: PAPER_FONT,
      serifFamily: PAPER_FONT,
    },
  };
}

/**
 * The size in pixels a chart's picture will have at a print width, from its SVG's own width and height: a paper is
 * laid out by it while the pictures are still being drawn.
 */
export function pictureSize(svg: string, width: number): { width: number; height: number } {
  const root = /^\s*<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const size = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)"`).exec(root)?.[1] ?? NaN);
  const ratio = size('height') / size('width');
  if (!Number.isFinite(ratio) || ratio <= 0)
    throw new Error('a chart must be an <svg> with a width and a height');
  return { width, height: Math.round(width * ratio) };
}

/** Each distinct chart of one paper drawn once, however often it is used; nothing is kept between papers. */
export async function chartPngs(svgs: Iterable<string>, width = PRINT_WIDTH): Promise<Map<string, ChartPng>> {
  const distinct = [...new Set(svgs)];
  const threads = Math.min(os.availableParallelism(), MOST_THREADS, distinct.length);
  const size = Math.ceil(distinct.length / threads);
  const shares = Array.from({ length: threads }, (_, i) => distinct.slice(i * size, (i + 1) * size));
  const pngs = await Promise.all(shares.map((share) => drawnInWorker(share, drawingOptions(width))));
  const drawn = new Map<string, ChartPng>();
  shares.forEach((share, i) =>
    share.forEach((svg, j) => {
      const png = pngs[i]?.[j];
      if (png) drawn.set(svg, png);
    }),
  );
  return drawn;
}

interface PostedPng {
  data: Uint8Array;
  width: number;
  height: number;
}

function drawnInWorker(svgs: string[], options: ResvgRenderOptions): Promise<ChartPng[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { workerData: { svgs, options }, execArgv: [] });
    let result: ChartPng[] | null = null;
    worker.once('message', (pngs: PostedPng[]) => {
      // A Buffer arrives as a plain Uint8Array; wrap it again without copying.
      result = pngs.map((p) => ({
        ...p,
        data: Buffer.from(p.data.buffer, p.data.byteOffset, p.data.byteLength),
      }));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (result && result.length === svgs.length) resolve(result);
      else reject(new Error(`drawing ${svgs.length} charts as PNG stopped early (thread exit code ${code})`));
    });
  });
}
