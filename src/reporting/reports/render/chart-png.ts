// Charts as PNG for Word, which needs a raster: the same ECharts SVG the web page shows, drawn by resvg at print
// width with the paper's own font, so the text renders on a machine without system fonts.
import { renderAsync } from '@resvg/resvg-js';
import { PAPER_FONT, PAPER_FONT_FILES } from './paper-fonts.ts';

export interface ChartPng {
  data: Buffer;
  width: number;
  height: number;
}

/** Pixels across: about 190 dots per inch over a 16 cm column, sharp when printed. */
export const PRINT_WIDTH = 1200;

/** resvg rasterises off the main thread; a few at once use the cores without holding many images in memory. */
const AT_ONCE = 4;

export async function chartPng(svg: string, width = PRINT_WIDTH): Promise<ChartPng> {
  const image = await renderAsync(svg, {
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
  });
  return { data: image.asPng(), width: image.width, height: image.height };
}

/** Each distinct chart of one paper drawn once, however often it is used; nothing is kept between papers. */
export async function chartPngs(svgs: Iterable<string>, width = PRINT_WIDTH): Promise<Map<string, ChartPng>> {
  const distinct = [...new Set(svgs)];
  const drawn = new Map<string, ChartPng>();
  let next = 0;
  async function drawer(): Promise<void> {
    for (let i = next++; i < distinct.length; i = next++) {
      const svg = distinct[i] ?? '';
      drawn.set(svg, await chartPng(svg, width));
    }
  }
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, distinct.length) }, drawer));
  return drawn;
}
