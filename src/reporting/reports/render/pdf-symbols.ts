// The judgement symbols the paper's font has no letter for (the tick and the crosses), drawn as a few vector
// strokes, so a PDF shows the same mark as the web page and the Word paper. Strokes are far cheaper than SVG.
import type { CanvasElement } from 'pdfmake/interfaces.js';

/** Drawn in a 7-point square. */
export const SYMBOL_SIZE = 7;

type Stroke = [number, number][];

// On a 10 × 10 grid.
const TICK: Stroke[] = [
  [
    [1.2, 5.4],
    [3.9, 8.2],
    [8.8, 1.8],
  ],
];
const CROSS: Stroke[] = [
  [
    [1.8, 1.8],
    [8.2, 8.2],
  ],
  [
    [8.2, 1.8],
    [1.8, 8.2],
  ],
];

const DRAWN: Record<string, Stroke[]> = {
  '✓': TICK,
  '✔': TICK,
  '✕': CROSS,
  '✗': CROSS,
  '✘': CROSS,
};

/**
 * The symbol as strokes when the font cannot print it; undefined when it can be set as text. New objects every
 * time: pdfmake moves a canvas's points to where it lands on the page, so a shared drawing ends up off the page.
 */
export function drawnSymbol(symbol: string): CanvasElement[] | undefined {
  return DRAWN[symbol]?.map((stroke) => ({
    type: 'polyline',
    points: stroke.map(([x, y]) => ({ x: (x * SYMBOL_SIZE) / 10, y: (y * SYMBOL_SIZE) / 10 })),
    lineWidth: 1.3,
    lineColor: '#0b0c0c',
    lineCap: 'round',
  }));
}
