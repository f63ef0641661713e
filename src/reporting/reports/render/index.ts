// One way in for routes, jobs and the CLI: a report model rendered in the format asked for, with what to send it as.
import { ValidationError } from '../../../web/errors.ts';
import type { ReportModel } from '../report-model.ts';
import { reportCsv } from './csv.ts';
import { writtenInWorker } from './paper-thread.ts';

export const REPORT_FORMATS = ['docx', 'pdf', 'xlsx', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderedReport {
  body: Buffer;
  contentType: string;
  extension: ReportFormat;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

export async function renderReport(model: ReportModel, format: ReportFormat): Promise<RenderedReport> {
  const body = await renderedBody(model, format);
  return { body, contentType: CONTENT_TYPES[format], extension: format };
}

// One paper written at a time in a process: each already keeps both cores busy (two chart threads and its writer),
// so a second at once finishes no sooner, and under load thirty at once starved every page of CPU and memory.
let papersWriting: Promise<unknown> = Promise.resolve();

/** Runs after every paper asked for before it has been written (whether or not that one succeeded). */
function nextInLine(write: () => Promise<Buffer>): Promise<Buffer> {
  const mine = papersWriting.then(write);
  papersWriting = mine.catch(() => undefined);
  return mine;
}

async function renderedBody(model: ReportModel, format: ReportFormat): Promise<Buffer> {
  switch (format) {
    case 'docx':
    case 'pdf':
    case 'xlsx':
      return nextInLine(() => writtenInWorker(model, format));
    case 'csv':
      // Quick enough (a tenth of a second for 200 measures) to write where it is asked for.
      return Buffer.from(reportCsv(model), 'utf8');
    default:
      // Reached only by a caller that skipped the types (a query string, a command-line flag).
      throw ValidationError.field(
        'format',
        `A report is rendered as ${REPORT_FORMATS.join(', ')}, not "${String(format)}"`,
      );
  }
}
