// Worker-thread entry for AnalysisPool (src/core/workerPool.ts): runs analyzeDocument off the
// caller's thread. Bundled by esbuild to dist/analysisWorker.js; compiled by tsc to
// out/src/core/analysisWorker.js. Protocol: see WorkerRequest / WorkerResponse in workerPool.ts.
import * as os from 'os';
import { parentPort, workerData } from 'worker_threads';
import { analyzeDocument } from './analyze';
import { setBudgetPolicy } from './budget';
import type { WorkerData, WorkerRequest, WorkerResponse } from './workerPool';

/**
 * Lowers this thread's scheduling priority. On Linux a nice value belongs to a thread, and
 * setpriority(PRIO_PROCESS, 0) applies to the calling thread only; elsewhere it would lower
 * the whole process (the editor included), so it is left alone there.
 */
function lowerPriority(niceness: number | undefined): number | undefined {
  if (!niceness || process.platform !== 'linux') return undefined;
  try {
    os.setPriority(0, Math.max(os.getPriority(0), Math.min(19, niceness)));
    return os.getPriority(0);
  } catch {
    return undefined; // not allowed here: run at the normal priority
  }
}

if (parentPort) {
  const port = parentPort;
  const data = workerData as WorkerData | undefined;
  const niceness = lowerPriority(data?.niceness);
  if (data?.budget) setBudgetPolicy(data.budget);
  port.on('message', (msg: WorkerRequest) => {
    let reply: WorkerResponse;
    try {
      reply = { id: msg.id, analysis: analyzeDocument(msg.path, msg.text, msg.warnings, msg.dateContext) };
    } catch (e) {
      // analyzeDocument already guards each analyzer; this catches anything else (e.g. hashing).
      reply = { id: msg.id, error: (e as Error)?.stack ?? String(e) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true, niceness } satisfies WorkerResponse);
}
