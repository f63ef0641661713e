// Refuses a zip bomb before anything inflates it: sums the uncompressed sizes the XLSX's central directory
// declares. Reading a directory is cheap; inflating an entry that claims gigabytes is what exhausts memory.
import { megabytes } from './limits.ts';
import { UploadRefused } from './problems.ts';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** A ZIP64 archive marks sizes it cannot hold in 32 bits with this; no spreadsheet we accept needs ZIP64. */
const ZIP64_MARK = 0xffffffff;

export function checkUnzippedSize(bytes: Buffer, maxUnzippedBytes: number): void {
  const unreadable = new UploadRefused(
    'The file is not a readable XLSX workbook (its zip directory is missing)',
  );
  // The end-of-directory record sits in the last 22 bytes plus a comment of up to 64 KB.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) throw unreadable;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== DIRECTORY_ENTRY) throw unreadable;
    const size = bytes.readUInt32LE(at + 24);
    if (size === ZIP64_MARK) throw tooLarge(maxUnzippedBytes);
    total += size;
    if (total > maxUnzippedBytes) throw tooLarge(maxUnzippedBytes);
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

function tooLarge(max: number): UploadRefused {
  return new UploadRefused(
    `The workbook expands to more than ${megabytes(max)} when unzipped, which no figures upload needs; it was not opened`,
  );
}
