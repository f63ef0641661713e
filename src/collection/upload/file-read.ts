// Reads an uploaded file of figures, CSV or XLSX, within the limits: the one entry point for the web page and
// the CLI. Which kind it is comes from its first bytes (an XLSX is a zip), not from a name a person can change.
import { megabytes, type UploadLimits } from './limits.ts';
import { UploadRefused } from './problems.ts';
import { readCsv } from './csv-read.ts';
import { readRows, type ReadRows } from './rows-read.ts';
import { readXlsx } from './xlsx-read.ts';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

export async function readUploadFile(bytes: Buffer, limits: UploadLimits): Promise<ReadRows> {
  if (bytes.length > limits.maxBytes) {
    throw new UploadRefused(
      `The file is ${megabytes(bytes.length)}; the largest upload accepted is ${megabytes(limits.maxBytes)}`,
    );
  }
  if (bytes.length === 0) throw new UploadRefused('The file is empty');
  if (bytes.subarray(0, 4).equals(OLE_MAGIC)) {
    throw new UploadRefused(
      'The file is an old Excel .xls workbook: save it as .xlsx or CSV and upload it again',
    );
  }
  return bytes.subarray(0, 4).equals(ZIP_MAGIC)
    ? readRows(await readXlsx(bytes, limits.maxRows, limits.maxUnzippedBytes))
    : readCsv(bytes, limits.maxRows);
}
