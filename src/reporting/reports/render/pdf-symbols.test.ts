// Proves the tick and crosses the PDF draws beside RAG words come as fresh strokes each time, since pdfmake moves a
// drawing's points to where it lands: a shared drawing was moved off the page and every later mark vanished.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { drawnSymbol, SYMBOL_SIZE } from './pdf-symbols.ts';

describe('symbols drawn in the PDF', () => {
  test('a tick and a cross are drawn inside their square; a symbol the font has is left as text', () => {
    for (const symbol of ['✓', '✕', '✗']) {
      const strokes = drawnSymbol(symbol);
      assert.ok(strokes && strokes.length > 0, `${symbol} is drawn`);
      for (const stroke of strokes) {
        assert.equal(stroke.type, 'polyline');
        for (const { x, y } of stroke.type === 'polyline' ? stroke.points : []) {
          assert.ok(x >= 0 && x <= SYMBOL_SIZE && y >= 0 && y <= SYMBOL_SIZE);
        }
      }
    }
    assert.equal(drawnSymbol('!'), undefined);
    assert.equal(drawnSymbol('?'), undefined);
  });

  test('each use gets its own strokes, so moving one leaves the next where it belongs', () => {
    const first = drawnSymbol('✓')?.[0];
    assert.ok(first?.type === 'polyline');
    for (const point of first.points) point.x += 300;
    const second = drawnSymbol('✓')?.[0];
    assert.ok(second?.type === 'polyline');
    assert.ok(second.points.every(({ x }) => x <= SYMBOL_SIZE));
  });
});
