// Runs one writer (Word, PDF or Excel) in a worker thread, so a long paper neither blocks the server's event loop
// nor leaves its garbage in the server's heap. The writers arrive compiled to plain JavaScript (paper-bundle.ts).
import { parentPort, workerData } from 'node:worker_threads';

const { writtenHere } = await import(workerData.writers);
parentPort.postMessage(await writtenHere(workerData.model, workerData.format, workerData.charts));
