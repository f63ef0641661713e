// Proves charts become valid PNGs at print width with their text drawn in the paper's bundled font (no system
// fonts needed), each distinct chart drawn once, and many charts drawn across worker threads without loss.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { crc32, inflateSync } from 'node:zlib';
import { chartPngs, PRINT_WIDTH, type ChartPng } from './chart-png.ts';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads an 8-bit RGB PNG whose rows are unfiltered, checking every chunk's CRC; returns its pixels. */
function decoded(png: Buffer): { width: number; height: number; pixels: Buffer } {
  assert.deepEqual(png.subarray(0, 8), SIGNATURE);
  let at = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (at < png.length) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    assert.equal(
      png.readUInt32BE(at + 8 + length),
      crc32(png.subarray(at + 4, at + 8 + length)),
      `${type} CRC`,
    );
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      assert.deepEqual(
        [...body.subarray(8)],
        [8, 2, 0, 0, 0],
        '8-bit RGB (opaque, on white), not interlaced',
      );
    }
    if (type === 'IDAT') data.push(body);
    at += 12 + length;
  }
  const rows = inflateSync(Buffer.concat(data));
  assert.equal(rows.length, (width * 3 + 1) * height);
  const pixels = Buffer.alloc(width * 3 * height);
  for (let y = 0; y < height; y++) {
    assert.equal(rows[y * (width * 3 + 1)], 0, 'rows are unfiltered');
    rows.copy(pixels, y * width * 3, y * (width * 3 + 1) + 1, (y + 1) * (width * 3 + 1));
  }
  return { width, height, pixels };
}

function darkPixels(png: ChartPng): number {
  const { pixels } = decoded(png.data);
  let dark = 0;
  for (let i = 0; i < pixels.length; i += 3) if ((pixels[i] ?? 255) < 100) dark++;
  return dark;
}

const textOnly = (text: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="300" height="100" viewBox="0 0 300 100">` +
  `<text x="10" y="60" style="font-size:30px;font-family:arial, sans-serif" fill="#0b0c0c">${text}</text></svg>`;

describe('charts as PNG', () => {
  test("draws a chart's text in the bundled font at print width, as a valid PNG", async () => {
    const svg = textOnly('Per cent £ ŵ');
    const png = (await chartPngs([svg])).get(svg);
    assert.ok(png);
    assert.equal(png.width, PRINT_WIDTH);
    assert.equal(png.height, PRINT_WIDTH / 3);
    const { width, height } = decoded(png.data);
    assert.deepEqual([width, height], [png.width, png.height]);
    assert.ok(darkPixels(png) > 1000, 'the letters are drawn');
  });

  test('draws a chart with no text as plain white', async () => {
    const svg = textOnly('');
    const png = (await chartPngs([svg])).get(svg);
    assert.ok(png);
    assert.equal(darkPixels(png), 0);
  });

  test('draws each distinct chart once however often a paper uses it', async () => {
    const a = textOnly('A');
    const b = textOnly('B');
    const drawn = await chartPngs([a, b, a, a]);
    assert.deepEqual([...drawn.keys()], [a, b]);
  });

  test('draws many charts across worker threads, each to its own picture', async () => {
    const svgs = Array.from({ length: 23 }, (_, i) => textOnly(`Chart ${i}`));
    const drawn = await chartPngs(svgs);
    assert.equal(drawn.size, svgs.length);
    const sizes = new Set(svgs.map((svg) => drawn.get(svg)?.data.length));
    assert.ok(sizes.size > 10, 'different charts give different pictures');
  });
});
