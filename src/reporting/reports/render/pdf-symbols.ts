// The judgement symbols the paper's font has no letter for (the tick and the crosses), drawn as a few vector
// strokes, so a PDF shows the same mark as the web page and the Word paper. Strokes are far cheaper than SVG.
import type { CanvasElement } from 'pdfmake/interfaces.js';

/** Drawn in a 7-point square. */
const SIZE = 7;

const stroke = (points: [number, number][]): CanvasElement => ({
  type: 'polyline',
  points: points.map(([x, y]) => ({ x: (x * SIZE) / 10, y: (y * SIZE) / 10 })),
  lineWidth: 1.3,
  lineColor: '#0b0c0c',
  lineCap: 'round',
});

const TICK = [
  stroke([
    [1.2, 5.4],
    [3.9, 8.2],
    [8.8, 1.8],
  ]),
];
const CROSS = [
  stroke([
    [1.8, 1.8],
    [8.2, 8.2],
  ]),
  stroke([
    [8.2, 1.8],
    [1.8, 8.2],
  ]),
];

const DRAWN: Record<string, CanvasElement[]> = {
  '✓': TICK,
  '✔': TICK,
  '✕': CROSS,
  '✗': CROSS,
  '✘': CROSS,
};

export const SYMBOL_SIZE = SIZE;

/** The symbol as strokes when the font cannot print it; undefined when it can be set as text. */
export function drawnSymbol(symbol: string): CanvasElement[] | undefined {
  return DRAWN[symbol];
}
