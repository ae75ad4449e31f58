// Launches the system Chromium headless through playwright-core (no browser download: none is reachable).
'use strict';
const fs = require('fs');
const path = require('path');

const DEFAULT_CHROME = '/usr/bin/chromium';

/** The Chromium to drive: $CHROME_PATH, else Debian's. Throws a message saying how to get one. */
function findChromium() {
  const candidate = process.env.CHROME_PATH || DEFAULT_CHROME;
  if (fs.existsSync(candidate)) return candidate;
  const why = process.env.CHROME_PATH
    ? `CHROME_PATH=${process.env.CHROME_PATH} does not exist`
    : `no Chromium at ${DEFAULT_CHROME}`;
  throw new Error(
    `${why}. The real-editor tests drive a headless Chromium: install one ` +
      `(Debian: apt-get install -y chromium) or set CHROME_PATH to a Chromium/Chrome binary.`,
  );
}

/**
 * @param {string} stateDir temporary folder for the browser profile and crash dumps
 * @returns {Promise<import('playwright-core').BrowserContext>}
 */
async function launchBrowser(stateDir) {
  const executablePath = findChromium();
  const { chromium } = require('playwright-core');
  const profile = fs.mkdtempSync(path.join(stateDir, 'chromium-'));
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 900 },
    // Chromium's crashpad folder follows XDG_CONFIG_HOME, not the profile: keep it in the state folder.
    env: { ...process.env, XDG_CONFIG_HOME: path.join(stateDir, 'xdg', 'config') },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

module.exports = { findChromium, launchBrowser };
