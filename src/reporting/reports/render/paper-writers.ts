// The writers a worker thread runs, by format; each is loaded only when asked for, as together they take about a
// second to load.
import type { ReportModel } from '../report-model.ts';
import type { ChartPng } from './chart-png.ts';

export type ThreadedFormat = 'docx' | 'pdf' | 'xlsx';

type PostedCharts = Map<string, { data: Uint8Array; width: number; height: number }>;

/** `charts`: a paper's charts as they are drawn in other threads (their PNGs arrive as plain Uint8Arrays). */
export async function writtenHere(
  model: ReportModel,
  format: ThreadedFormat,
  charts: Promise<PostedCharts> | null,
): Promise<Buffer> {
  const pictures = charts?.then(asBuffers);
  switch (format) {
    case 'docx':
      return (await import('./docx.ts')).reportDocx(model, pictures);
    case 'pdf':
      return (await import('./pdf.ts')).reportPdf(model, pictures);
    case 'xlsx':
      return (await import('./xlsx.ts')).reportXlsx(model);
  }
}

function asBuffers(charts: PostedCharts): Map<string, ChartPng> {
  return new Map(
    [...charts].map(([svg, png]) => [
      svg,
      { ...png, data: Buffer.from(png.data.buffer, png.data.byteOffset, png.data.byteLength) },
    ]),
  );
}
