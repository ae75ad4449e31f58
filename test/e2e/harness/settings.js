// Where the real-editor harness keeps things, and the pinned editor it runs against.
// Plain JS: the harness runs straight from the source tree, before or without a TypeScript build.
'use strict';
const path = require('path');
const os = require('os');

const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Newest code-server whose engines accept Node 20; it is VS Code 1.100.3. */
const CODE_SERVER_VERSION = '4.100.3';

/** Cache folder, like @vscode/test-electron's: survives runs, gitignored. */
const cacheDir = path.join(repoRoot, '.vscode-test');
const codeServerDir = path.join(cacheDir, `code-server-${CODE_SERVER_VERSION}`);
const codeServerBin = path.join(codeServerDir, 'node_modules', '.bin', 'code-server');

/** The seed articles the host suite and the UI suite read (never copied into the repo). */
const seedsDir = path.resolve(repoRoot, '..', 'shared', 'corpora', 'seeds');

const resultsDir = path.join(repoRoot, 'test-results');

/** Compiled host-suite runner (tsc output of test/e2e/suite/index.ts). */
const hostSuiteRunner = path.join(repoRoot, 'out', 'test', 'e2e', 'suite', 'index.js');

/** Settings seeded into every editor profile the harness makes: quiet, offline, predictable. */
const editorSettings = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.enableExperiments': false,
  'workbench.tips.enabled': false,
  'editor.hover.delay': 100,
  'chat.disableAIFeatures': true,
  'git.enabled': false,
  'window.commandCenter': false,
  'workbench.reduceMotion': 'on',
  // The web build saves after a delay by default: a keystroke of a test (or a reader) would be
  // written into the articles of the folder being read.
  'files.autoSave': 'off',
};

function tmpRoot() {
  return process.env.DOSSIER_E2E_TMP || os.tmpdir();
}

module.exports = {
  repoRoot,
  CODE_SERVER_VERSION,
  cacheDir,
  codeServerDir,
  codeServerBin,
  seedsDir,
  resultsDir,
  hostSuiteRunner,
  editorSettings,
  tmpRoot,
};
