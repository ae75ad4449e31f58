// Loads the analyzers (compromise, chrono-node) on first use: hosts that analyze on worker
// threads — the extension host, the CLI — then never pay their start-up on the main thread.
import type * as Analyze from './analyze';

let analyzers: typeof Analyze | undefined;

export function analyzeDocumentLazily(...args: Parameters<typeof Analyze.analyzeDocument>): ReturnType<typeof Analyze.analyzeDocument> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  analyzers ??= require('./analyze') as typeof Analyze;
  return analyzers.analyzeDocument(...args);
}
