// Installs the pinned code-server into .vscode-test/ once (like @vscode/test-electron caches VS Code).
// Needs the apt packages libkrb5-dev (kerberos builds from source) and ripgrep (see below);
// `.ci/run` installs them. Usage: node test/e2e/harness/installCodeServer.js
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync, spawnSync } = require('child_process');
const { CODE_SERVER_VERSION, codeServerDir, codeServerBin } = require('./settings');

/** @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here. It first looks for
 * $TMPDIR/vscode-ripgrep-cache-<its version>/ripgrep-<rg version>-<target>.tar.gz, so we put Debian's rg there. */
function seedRipgrepCache(tmpDir) {
  const rg = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => fs.existsSync(p));
  if (!rg) {
    throw new Error('ripgrep not found: install it first (apt-get install -y ripgrep); code-server needs it');
  }
  // The versions code-server 4.100.3 pins: @vscode/ripgrep 1.15.11 fetching ripgrep v13.0.0-10.
  const cache = path.join(tmpDir, 'vscode-ripgrep-cache-1.15.11');
  fs.mkdirSync(cache, { recursive: true });
  const archive = path.join(cache, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (!fs.existsSync(archive)) {
    execFileSync('tar', ['czf', archive, '-C', path.dirname(rg), path.basename(rg)]);
  }
}

function isInstalled() {
  return fs.existsSync(codeServerBin) && fs.existsSync(path.join(codeServerDir, '.installed'));
}

function installCodeServer(log = console.log) {
  if (isInstalled()) {
    log(`code-server ${CODE_SERVER_VERSION}: cached in ${path.relative(process.cwd(), codeServerDir) || codeServerDir}`);
    return codeServerBin;
  }
  const started = Date.now();
  log(`code-server ${CODE_SERVER_VERSION}: installing into ${codeServerDir} (a few minutes, once)`);
  fs.mkdirSync(codeServerDir, { recursive: true });
  const pkg = path.join(codeServerDir, 'package.json');
  if (!fs.existsSync(pkg)) {
    fs.writeFileSync(pkg, JSON.stringify({ name: 'dossier-code-server-cache', private: true }, null, 2));
  }
  const tmpDir = path.join(codeServerDir, 'tmp');
  seedRipgrepCache(tmpDir);
  const logFile = path.join(codeServerDir, 'install.log');
  const out = fs.openSync(logFile, 'w');
  const result = spawnSync(
    'npm',
    ['install', '--no-audit', '--no-fund', '--no-save', '--foreground-scripts', `code-server@${CODE_SERVER_VERSION}`],
    {
      cwd: codeServerDir,
      stdio: ['ignore', out, out],
      env: {
        ...process.env,
        TMPDIR: tmpDir,
        // code-server's postinstall refuses to run as root without this.
        npm_config_unsafe_perm: 'true',
        // node-pty's postinstall runs `npx node-gyp`; the machine's npmrc says yes=false.
        npm_config_yes: 'true',
      },
    },
  );
  fs.closeSync(out);
  if (result.status !== 0 || !fs.existsSync(codeServerBin)) {
    const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-40).join('\n');
    throw new Error(`npm install code-server@${CODE_SERVER_VERSION} failed (log: ${logFile}):\n${tail}`);
  }
  fs.writeFileSync(path.join(codeServerDir, '.installed'), new Date().toISOString() + '\n');
  log(`code-server ${CODE_SERVER_VERSION}: installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return codeServerBin;
}

module.exports = { installCodeServer, isInstalled };

if (require.main === module) {
  try {
    installCodeServer();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
