// Writes a report file in a worker thread with a bounded heap: a 200-measure PDF takes seconds of CPU, which on
// the main thread would stall every request the server is handling, and its garbage would swell the server's heap.
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';
import { measuresOf, type ReportModel } from '../report-model.ts';
import { chartPngs, PDF_PRINT_WIDTH, PRINT_WIDTH } from './chart-png.ts';
import { paperWritersModule } from './paper-bundle.ts';
import { paperCharts } from './paper.ts';
import type { ThreadedFormat } from './paper-writers.ts';

const WORKER = new URL('./paper-worker.mjs', import.meta.url);

/**
 * The heap a writer may use. Measured with 200 measures, each with 24 months and an XmR chart: Word and PDF keep
 * between 64 and 96 MB live, Excel under 64 MB. Bounded near that, V8 collects as it goes; unbounded, it let
 * garbage pile up past 500 MB. Larger reports get room in proportion.
 */
function heapLimitMb(model: ReportModel): number {
  return Math.max(128, 64 + Math.ceil(measuresOf(model).length / 2));
}

export async function writtenInWorker(model: ReportModel, format: ThreadedFormat): Promise<Buffer> {
  const writers = await paperWritersModule();
  if (format === 'xlsx') return written(writers, model, format, null); // a spreadsheet has no charts
  const drawing = chartPngs(paperCharts(model), format === 'pdf' ? PDF_PRINT_WIDTH : PRINT_WIDTH);
  // The PDF writer (~4 s for 200 measures) lays its paper out while the charts are drawn (~3 s), and is sent them
  // when drawn. The Word writer takes a second: overlapped, it gained as much and held its paper in memory beside
  // the drawing threads (+50 MB), so Word's charts are drawn first.
  if (format === 'docx') await drawing.catch(() => {});
  const { port1: charts, port2: chartsArrive } = new MessageChannel();
  const file = written(writers, model, format, chartsArrive);
  drawing.then(
    (drawn) => charts.postMessage({ drawn }),
    (error: unknown) => charts.postMessage({ failed: String(error) }),
  );
  try {
    return await file;
  } finally {
    charts.close();
  }
}

function written(
  writers: string,
  model: ReportModel,
  format: ThreadedFormat,
  charts: MessagePort | null,
): Promise<Buffer> {
  const limit = heapLimitMb(model);
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { writers, model, format, charts },
      transferList: charts ? [charts] : [],
      // Not the parent's flags: `--import tsx` would start a loader the compiled writers do not need.
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: limit },
    });
    let body: Buffer | null = null;
    worker.once('message', (data: Uint8Array) => {
      body = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    });
    worker.once('error', (error: Error & { code?: string }) => {
      reject(
        error.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? new Error(`writing the report as ${format} needed more than ${limit} MB of memory`, {
              cause: error,
            })
          : error,
      );
    });
    worker.once('exit', (code) => {
      if (body) resolve(body);
      else
        reject(
          new Error(`writing the report as ${format} stopped without a file (thread exit code ${code})`),
        );
    });
  });
}
