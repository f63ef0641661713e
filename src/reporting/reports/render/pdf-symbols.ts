// Vector drawings of the judgement symbols the paper's font has no letter for (the tick and the cross), so a PDF
// shows the same mark as the web page and the Word paper.

const STROKE =
  'fill="none" stroke="#0b0c0c" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round"';
const TICK = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><path d="M1.2 5.4 L3.9 8.2 L8.8 1.8" ${STROKE}/></svg>`;
const CROSS = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" viewBox="0 0 10 10"><path d="M1.8 1.8 L8.2 8.2 M8.2 1.8 L1.8 8.2" ${STROKE}/></svg>`;

const DRAWN: Record<string, string> = {
  '✓': TICK,
  '✔': TICK,
  '✕': CROSS,
  '✗': CROSS,
  '✘': CROSS,
};

/** The symbol as SVG when the font cannot print it; undefined when it can be set as text. */
export function drawnSymbol(symbol: string): string | undefined {
  return DRAWN[symbol];
}
