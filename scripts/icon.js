#!/usr/bin/env node
// `node scripts/icon.js`: renders media/icon.svg to media/icon.png (128×128, the Marketplace
// icon package.json names) with the headless Chromium the editor tests use.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { launchBrowser } = require('../test/e2e/harness/browser');

async function main() {
  const media = path.resolve(__dirname, '..', 'media');
  const svg = fs.readFileSync(path.join(media, 'icon.svg'), 'utf8');
  const state = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-icon-'));
  const context = await launchBrowser(state);
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 128, height: 128 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: path.join(media, 'icon.png'), omitBackground: true });
  } finally {
    await context.close();
    fs.rmSync(state, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
