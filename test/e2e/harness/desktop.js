// `npm run test:desktop`: the same extension-host suite in desktop VS Code via @vscode/test-electron,
// for machines that can download VS Code (this one cannot: `npm run test:e2e` uses code-server instead).
// On Linux without a display, run it under xvfb-run.
'use strict';
const fs = require('fs');
const path = require('path');
const { hostSuiteRunner, repoRoot, tmpRoot } = require('./settings');
const { makeSeedWorkspace, seedsAvailable } = require('./workspace');

/** Same VS Code as code-server 4.100.3, so both runs test one editor version. */
const VSCODE_VERSION = process.env.DOSSIER_VSCODE_VERSION || '1.100.3';

async function main() {
  if (!seedsAvailable()) {
    console.log('SKIP: no seed articles beside the checkout (../shared/corpora/seeds)');
    return 0;
  }
  if (!fs.existsSync(hostSuiteRunner)) throw new Error(`${hostSuiteRunner} is missing: run npm run build:tests`);
  const { runTests } = require('@vscode/test-electron');
  const state = fs.mkdtempSync(path.join(tmpRoot(), 'dossier-desktop-'));
  try {
    const workspace = makeSeedWorkspace(state, 'host-workspace');
    const code = await runTests({
      version: VSCODE_VERSION,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: hostSuiteRunner,
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', path.join(state, 'user-data')],
    });
    return code;
  } finally {
    fs.rmSync(state, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code ?? 0),
  (e) => {
    console.error(`desktop tests failed: ${e instanceof Error ? e.message : e}`);
    console.error('(@vscode/test-electron downloads VS Code; without that network, use npm run test:e2e)');
    process.exit(1);
  },
);
