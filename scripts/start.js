#!/usr/bin/env node
// `npm start [folder]`: builds Dossier and opens it on samples/ (or the given folder) in a real VS Code.
// Desktop `code --extensionDevelopmentPath` when `code` is on PATH; otherwise code-server on
// 127.0.0.1 with the extension loaded through the workbench URL, printed here. Ctrl+C stops it.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawn, spawnSync } = require('child_process');

const repoRoot = path.resolve(__dirname, '..');

/** For reading articles: nothing saves behind the reader's back, and long paragraphs wrap. */
const READER_SETTINGS = {
  'files.autoSave': 'off',
  '[plaintext]': { 'editor.wordWrap': 'on' },
  '[markdown]': { 'editor.wordWrap': 'on' },
};

function onPath(command) {
  return (process.env.PATH || '')
    .split(path.delimiter)
    .some((dir) => dir && fs.existsSync(path.join(dir, command)));
}

async function main() {
  const folder = path.resolve(process.argv[2] || path.join(repoRoot, 'samples'));
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new Error(`not a folder: ${folder}`);
  }
  console.log('Building the extension…');
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'esbuild.js')], { cwd: repoRoot, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');

  if (onPath('code') && !process.env.DOSSIER_USE_CODE_SERVER) {
    console.log(`Opening ${folder} in VS Code with Dossier loaded from ${repoRoot}`);
    const child = spawn('code', [`--extensionDevelopmentPath=${repoRoot}`, folder], { stdio: 'inherit' });
    child.on('exit', (code) => process.exit(code ?? 0));
    return;
  }

  // No desktop VS Code: serve the same editor with code-server (installed once into .vscode-test/).
  const { installCodeServer } = require('../test/e2e/harness/installCodeServer');
  const { CodeServer } = require('../test/e2e/harness/codeServer');
  installCodeServer();
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-start-'));
  const server = new CodeServer(state, READER_SETTINGS);
  const removeState = () => fs.rmSync(state, { recursive: true, force: true });
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) {
      // A second Ctrl+C: don't wait for a graceful stop.
      server.killNow();
      removeState();
      process.exit(code || 130);
    }
    stopping = true;
    console.log('\nStopping code-server…');
    try {
      await server.stop();
    } finally {
      server.killNow();
      removeState();
      process.exit(code);
    }
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stop());
  try {
    await server.start();
  } catch (e) {
    removeState();
    throw e;
  }
  const url = server.workbenchUrl(folder, { extensionDevelopmentPath: repoRoot });
  console.log(`\nDossier is running in code-server (VS Code ${'1.100.3'}) on 127.0.0.1 only. Open:\n\n  ${url}\n`);
  console.log(`On a remote machine, forward the port first: ssh -N -L ${server.port}:127.0.0.1:${server.port} user@host`);
  console.log(`Log: ${server.logFile}\nPress Ctrl+C to stop.`);
  // Stay alive while code-server runs; if it dies on its own, clean up and say so.
  setInterval(() => {
    if (!stopping && !server.running) {
      // Its log goes with the temporary profile: show the end of it first.
      const log = fs.existsSync(server.logFile) ? fs.readFileSync(server.logFile, 'utf8').split('\n').slice(-20).join('\n') : '';
      console.error(`npm start: code-server stopped on its own. The end of its log:\n${log}`);
      void stop(1);
    }
  }, 2000);
}

main().catch((e) => {
  console.error(`npm start: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
