// Worker-thread entry for AnalysisPool (src/core/workerPool.ts): runs analyzeDocument off the
// caller's thread. Bundled by esbuild to dist/analysisWorker.js; compiled by tsc to
// out/src/core/analysisWorker.js. Protocol: see WorkerRequest / WorkerResponse in workerPool.ts.
import { parentPort } from 'worker_threads';
import { analyzeDocument } from './analyze';
import type { WorkerRequest, WorkerResponse } from './workerPool';

if (parentPort) {
  const port = parentPort;
  port.on('message', (msg: WorkerRequest) => {
    let reply: WorkerResponse;
    try {
      reply = { id: msg.id, analysis: analyzeDocument(msg.path, msg.text, msg.warnings) };
    } catch (e) {
      // analyzeDocument already guards each analyzer; this catches anything else (e.g. hashing).
      reply = { id: msg.id, error: (e as Error)?.stack ?? String(e) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies WorkerResponse);
}
