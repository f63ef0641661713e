// Runs one writer (Word, PDF or Excel) in a worker thread, so a long paper neither blocks the server's event loop
// nor leaves its garbage in the server's heap. The writers arrive compiled to plain JavaScript (paper-bundle.ts).
import { parentPort, workerData } from 'node:worker_threads';

const { writers, model, format, charts } = workerData;
const { writtenHere } = await import(writers);
// A paper's charts arrive on their port once drawn; the writer lays the paper out meanwhile.
const drawn = charts
  ? new Promise((resolve, reject) =>
      charts.once('message', (sent) => (sent.failed ? reject(new Error(sent.failed)) : resolve(sent.drawn))),
    )
  : null;
drawn?.catch(() => {}); // the writer reports a failed drawing when it needs the charts
try {
  parentPort.postMessage(await writtenHere(model, format, drawn));
} finally {
  charts?.close();
}
