// Draws a share of a paper's chart SVGs as PNG in a worker thread. Plain JavaScript, so it runs however the parent
// was started (with tsx registered by bin/scorecard.js or not).
import { Resvg } from '@resvg/resvg-js';
import { crc32, deflateSync } from 'node:zlib';
import { parentPort, workerData } from 'node:worker_threads';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * An 8-bit RGB PNG of resvg's pixels, drawn on white so every pixel is opaque: resvg's own encoder compresses hard
 * (about 18 ms a chart), while a chart is mostly flat colour, so the fastest deflate of the colour alone (alpha
 * dropped) gives about the same size in a third of the time.
 */
function png(pixels, width, height) {
  const scanlines = Buffer.alloc((width * 3 + 1) * height); // each row starts with filter type 0 (none)
  let out = 0;
  let from = 0;
  for (let y = 0; y < height; y++) {
    out++;
    for (let x = 0; x < width; x++, from += 4) {
      scanlines[out++] = pixels[from];
      scanlines[out++] = pixels[from + 1];
      scanlines[out++] = pixels[from + 2];
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(scanlines, { level: 1 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const { svgs, options } = workerData;
const pngs = [];
for (const svg of svgs) {
  const image = new Resvg(svg, options).render();
  pngs.push({ data: png(image.pixels, image.width, image.height), width: image.width, height: image.height });
  // Each image holds about 3 MB of native memory, freed only when a finaliser runs on the event loop: without
  // this pause a share of 100 charts held 600 MB.
  await new Promise((resolve) => setImmediate(resolve));
}
parentPort.postMessage(pngs);
