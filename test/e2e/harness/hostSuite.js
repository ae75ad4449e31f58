// Mode A: the mocha suite inside the real extension host. The workbench URL carries
// extensionDevelopmentPath + extensionTestsPath; VS Code runs the runner's run() in its Node
// extension host and reports through window.codeAutomationLog / codeAutomationExit.
'use strict';
const fs = require('fs');
const { launchBrowser } = require('./browser');
const { repoRoot, hostSuiteRunner } = require('./settings');

const util = require('util');

const SUMMARY = /host suite: (\d+) passed, (\d+) failed/;
/** Printed by test/e2e/suite/index.ts right before mocha starts. */
const START_MARK = 'host suite: starting';

/**
 * @param {import('./codeServer').CodeServer} server
 * @param {string} workspace folder to open
 * @param {string} stateDir temporary folder for the browser
 * @returns {Promise<{ passed: number; failed: number; exitCode: unknown }>}
 */
async function runHostSuite(server, workspace, stateDir, { timeoutMs = 300_000, log = console.log } = {}) {
  if (!fs.existsSync(hostSuiteRunner)) {
    throw new Error(`${hostSuiteRunner} is missing: compile the tests first (npm run build:tests)`);
  }
  const context = await launchBrowser(stateDir);
  try {
    const page = context.pages()[0] || (await context.newPage());
    let summary;
    let started = false;
    const verbose = !!process.env.DOSSIER_E2E_VERBOSE;
    /** @type {string[]} */
    const workbenchLines = [];
    /** @type {(code: unknown) => void} */
    let finish = () => {};
    const finished = new Promise((resolve) => (finish = resolve));
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = util.format(...(Array.isArray(args) ? args : [args])).replace(/\n$/, '');
      const m = SUMMARY.exec(line);
      if (m) summary = { passed: +m[1], failed: +m[2] };
      // The workbench logs a lot of its own; show the suite's output, keep the rest for failures.
      if (started || verbose) log(line);
      else if (line.includes(START_MARK)) started = true;
      else workbenchLines.push(line);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    if (process.env.DOSSIER_E2E_VERBOSE) page.on('console', (m) => log(`[browser] ${m.type()} ${m.text()}`));
    const timer = setTimeout(() => finish('timeout'), timeoutMs);
    await page.goto(server.workbenchUrl(workspace, { extensionDevelopmentPath: repoRoot, extensionTestsPath: hostSuiteRunner }));
    const exitCode = await finished;
    clearTimeout(timer);
    if (exitCode === 'timeout') log(`host suite: no result after ${timeoutMs / 1000} s`);
    if (!summary) {
      log('--- workbench log (the suite never reported) ---\n' + workbenchLines.slice(-60).join('\n'));
      summary = { passed: 0, failed: 1 };
    }
    if (exitCode !== 0 && summary.failed === 0) summary.failed = 1; // the runner itself failed
    return { ...summary, exitCode };
  } finally {
    await context.close();
  }
}

module.exports = { runHostSuite };
