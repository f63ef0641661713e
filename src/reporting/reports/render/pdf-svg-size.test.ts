import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rootSizeOf, withRootSize } from './pdf-svg-size.ts';

const CHART =
  '<svg role="img" width="720" height="360" viewBox="0 0 720 360"><rect width="10" height="20"/></svg>';

describe("a chart's size, read and written on its root element only", () => {
  test('reads the width and height of the <svg> element, not of the shapes inside it', () => {
    assert.deepEqual(rootSizeOf(CHART), { width: 720, height: 360 });
  });

  test('writes the laid-out size on the root and leaves the drawing and its viewBox alone', () => {
    assert.equal(
      withRootSize(CHART, { width: 381, height: 190.5 }),
      '<svg role="img" width="381" height="190.5" viewBox="0 0 720 360"><rect width="10" height="20"/></svg>',
    );
  });

  test('adds the viewBox a root without one needs to keep its drawing in scale', () => {
    assert.equal(
      withRootSize('<svg width="100" height="50"></svg>', { width: 200, height: 100 }),
      '<svg width="200" height="100" viewBox="0 0 100 50"></svg>',
    );
  });

  test('refuses what is not an SVG document, or a root without a numeric size, by name', () => {
    assert.throws(() => rootSizeOf('<div></div>'), /must be an SVG document/);
    assert.throws(() => rootSizeOf('<svg height="5"></svg>'), /numeric width/);
  });
});
