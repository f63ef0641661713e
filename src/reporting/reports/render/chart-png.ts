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
