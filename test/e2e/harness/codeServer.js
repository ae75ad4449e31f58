// Starts code-server on 127.0.0.1 with a free port, in its own process group (so its extension host,
// file watcher and pty host go with it), every bit of state inside one temporary folder; stops it always.
'use strict';
const fs = require('fs');
const net = require('net');
const path = require('path');
const http = require('http');
const { spawn } = require('child_process');
const { codeServerBin, editorSettings } = require('./settings');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

function healthy(port) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/healthz', timeout: 2000 }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.on('timeout', () => {
      req.destroy();
      resolve(false);
    });
  });
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** True while any process of the group is alive. */
function groupAlive(pgid) {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

class CodeServer {
  /**
   * @param {string} stateDir temporary folder for user data, extensions, XDG dirs and the log
   * @param {Record<string, unknown>} [settings] user settings added to the harness's own
   */
  constructor(stateDir, settings = {}) {
    this.stateDir = stateDir;
    this.settings = { ...editorSettings, ...settings };
    this.logFile = path.join(stateDir, 'code-server.log');
    /** @type {number | undefined} */
    this.pgid = undefined;
    /** @type {number | undefined} */
    this.port = undefined;
    this.onExit = () => this.killNow();
  }

  get authority() {
    return `127.0.0.1:${this.port}`;
  }

  async start() {
    if (!fs.existsSync(codeServerBin)) {
      throw new Error(`code-server is not installed at ${codeServerBin} (run node test/e2e/harness/installCodeServer.js)`);
    }
    const userDir = path.join(this.stateDir, 'user-data');
    const extensionsDir = path.join(this.stateDir, 'extensions');
    const xdgConfig = path.join(this.stateDir, 'xdg', 'config');
    const xdgData = path.join(this.stateDir, 'xdg', 'data');
    for (const dir of [path.join(userDir, 'User'), extensionsDir, xdgConfig, xdgData]) {
      fs.mkdirSync(dir, { recursive: true });
    }
    fs.writeFileSync(path.join(userDir, 'User', 'settings.json'), JSON.stringify(this.settings, null, 2));
    this.port = await freePort();
    const out = fs.openSync(this.logFile, 'a');
    const child = spawn(
      codeServerBin,
      [
        '--bind-addr', this.authority,
        '--auth', 'none',
        '--disable-telemetry',
        '--disable-update-check',
        '--disable-workspace-trust',
        '--disable-getting-started-override',
        '--user-data-dir', userDir,
        '--extensions-dir', extensionsDir,
        '--config', path.join(xdgConfig, 'code-server', 'config.yaml'),
      ],
      {
        // detached => setsid(): the child leads a new process group whose id is its pid.
        detached: true,
        stdio: ['ignore', out, out],
        env: { ...process.env, XDG_CONFIG_HOME: xdgConfig, XDG_DATA_HOME: xdgData },
      },
    );
    fs.closeSync(out);
    child.unref();
    this.pgid = child.pid;
    process.on('exit', this.onExit);
    let exited = false;
    child.on('exit', () => (exited = true));
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (exited) break;
      if (await healthy(this.port)) return this;
      await sleep(250);
    }
    const log = fs.existsSync(this.logFile) ? fs.readFileSync(this.logFile, 'utf8').slice(-4000) : '';
    await this.stop();
    throw new Error(`code-server did not come up on ${this.authority}${exited ? ' (it exited)' : ''}\n${log}`);
  }

  /** True while code-server or any process it started is running. */
  get running() {
    return this.pgid !== undefined && groupAlive(this.pgid);
  }

  /** Synchronous last resort (process 'exit' handler, signals). */
  killNow() {
    if (this.pgid !== undefined && groupAlive(this.pgid)) {
      try {
        process.kill(-this.pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
  }

  async stop() {
    const pgid = this.pgid;
    if (pgid === undefined) return;
    try {
      process.kill(-pgid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    for (let i = 0; i < 40 && groupAlive(pgid); i++) await sleep(250);
    if (groupAlive(pgid)) {
      try {
        process.kill(-pgid, 'SIGKILL');
      } catch {
        /* already gone */
      }
    }
    process.removeListener('exit', this.onExit);
    this.pgid = undefined;
  }

  /** Workbench URL opening `folder`, optionally loading an extension from source and running tests. */
  workbenchUrl(folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
    let url = `http://${this.authority}/?folder=${encodeURIComponent(folder)}`;
    const payload = [];
    if (extensionDevelopmentPath) {
      payload.push(['extensionDevelopmentPath', `vscode-remote://${this.authority}${extensionDevelopmentPath}`]);
    }
    if (extensionTestsPath) {
      payload.push(['extensionTestsPath', `vscode-remote://${this.authority}${extensionTestsPath}`]);
    }
    if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    return url;
  }
}

module.exports = { CodeServer, freePort };
