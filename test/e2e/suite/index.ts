// Test runner loaded by VS Code's extension host through `extensionTestsPath` (code-server in
// `npm run test:e2e`, desktop VS Code in `npm run test:desktop`). Runs every *.spec.js beside it
// and prints one closing line "host suite: N passed, N failed" for the harness to read.
import * as fs from 'fs';
import * as path from 'path';

// mocha ≥ 11 exports the class as a named export; older ones as the module itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const mochaModule = require('mocha');
const Mocha: typeof import('mocha') = mochaModule.Mocha ?? mochaModule.default ?? mochaModule;

export async function run(): Promise<void> {
  // DOSSIER_E2E_GREP runs only the tests whose title matches (e.g. while working on one feature).
  const grep = process.env.DOSSIER_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  for (const file of fs.readdirSync(__dirname).filter((f) => f.endsWith('.spec.js')).sort()) {
    mocha.addFile(path.join(__dirname, file));
  }
  await mocha.loadFilesAsync();
  console.log('host suite: starting'); // the harness shows the output from here on
  const { passes, failures, pending } = await new Promise<{ passes: number; failures: number; pending: number }>((resolve) => {
    const runner = mocha.run(() => resolve({ passes: runner.stats?.passes ?? 0, failures: runner.stats?.failures ?? 0, pending: runner.stats?.pending ?? 0 }));
  });
  console.log(`host suite: ${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
  if (failures > 0) throw new Error(`${failures} extension-host test(s) failed`);
}
