// Runs one writer (Word, PDF or Excel) in a worker thread, so a long paper neither blocks the server's event loop
// nor leaves its garbage in the server's heap. The writers are TypeScript: tsx is registered here because the main
// thread's registration (bin/scorecard.js) does not reach worker threads.
import { register } from 'tsx/esm/api';
import { parentPort, workerData } from 'node:worker_threads';

register();
const { writtenHere } = await import('./paper-writers.ts');
parentPort.postMessage(await writtenHere(workerData.model, workerData.format, workerData.charts));
