// Mode B: Dossier used as a person would, in the real workbench: Quick Open, hover, F12, the
// Dossier sidebar, a timeline filter, newest first and Go to Date…. Each step saves a screenshot
// to test-results/.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { launchBrowser } = require('./browser');
const { repoRoot } = require('./settings');

/**
 * What the suite looks for in a workspace. `seeds` is the acceptance corpus; `samples` is the
 * project's own sample folder, used for the README screenshots (and when the seeds are absent).
 */
const SCENARIOS = {
  seeds: { open: '001_', word: 'Ratcliffe', year: '2026', month: '2026-01', day: '2026-01-15', daySources: 3, minOtherSources: 3 },
  samples: { open: 'herald-port-strike', word: 'Ferreira', year: '2025', month: '2025-03', day: '2025-03-10', daySources: 5, minOtherSources: 3 },
};

/** The UI suite opens its workspace with these settings (F12 jumps instead of peeking). */
const UI_WORKSPACE_SETTINGS = {
  'editor.gotoLocation.multipleDefinitions': 'goto',
  'editor.wordWrap': 'on',
  'files.exclude': { '.vscode': true },
};

/**
 * @param {import('playwright-core').Page} page
 * @param {string} word
 */
function wordRect(page, word) {
  return page.evaluate((word) => {
    for (const span of document.querySelectorAll('.editor-instance .view-lines .view-line span span')) {
      const node = span.firstChild;
      if (!node || node.nodeType !== 3) continue;
      const i = (node.textContent || '').indexOf(word);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + word.length);
      const b = range.getBoundingClientRect();
      return { x: b.x, y: b.y, w: b.width, h: b.height };
    }
    return null;
  }, word);
}

/**
 * The frame of a Dossier webview: the one holding `selector` (VS Code nests each webview's page
 * in an iframe inside an iframe).
 * @param {import('playwright-core').Page} page
 * @param {string} selector
 */
async function webviewFrame(page, selector, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.$(selector).catch(() => null)) return frame;
    }
    await page.waitForTimeout(250);
  }
  throw new Error(`no webview holding ${selector}`);
}

/**
 * Waits for the webview to mark where to click (`data-<name>` on its body), then clicks there.
 * @param {import('playwright-core').Frame} frame
 * @param {string} container selector of the canvas the point is relative to
 * @param {string} name dataset key
 * @param {{ clickCount?: number }} [options]
 */
async function clickMarked(frame, container, name, options = {}) {
  const attribute = `data-${name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())}`;
  await frame.waitForSelector(`body[${attribute}]`, { timeout: 30_000 });
  const position = JSON.parse(await frame.evaluate((n) => document.body.dataset[n], name));
  await frame.locator(container).click({ position, ...options });
  return position;
}

/** Label of the active editor tab. */
function activeTab(page) {
  return page.evaluate(() => {
    const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
    return tab ? tab.getAttribute('aria-label') || tab.textContent || '' : '';
  });
}

/**
 * @param {import('./codeServer').CodeServer} server
 * @param {string} workspace
 * @param {string} stateDir
 * @param {{ shotsDir: string; log?: (...a: unknown[]) => void }} options
 */
async function runUiSuite(server, workspace, stateDir, { shotsDir, scenario: scenarioName = 'seeds', log = console.log }) {
  const sc = SCENARIOS[scenarioName];
  const files = fs.readdirSync(workspace).filter((f) => /\.(txt|md)$/.test(f));
  const opened = files.find((f) => f.startsWith(sc.open));
  assert.ok(opened, `no ${sc.open}* in ${workspace}`);
  const escape = (t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  fs.mkdirSync(shotsDir, { recursive: true });
  const context = await launchBrowser(stateDir);
  const page = context.pages()[0] || (await context.newPage());
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  const shots = [];
  const shot = async (name) => {
    const file = path.join(shotsDir, `${scenarioName}-${name}.png`);
    await page.screenshot({ path: file });
    shots.push(file);
    log(`  screenshot ${path.relative(repoRoot, file)}`);
  };
  const timelinePane = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /^Timeline/ }) });
  const timelineRows = timelinePane.locator('.monaco-list-row');
  // In screen order: the list reuses row elements, so the DOM order can differ.
  const rowTexts = async () =>
    (await timelineRows.evaluateAll((rows) => rows.map((r) => [Number(r.getAttribute('data-index')), r.innerText])))
      .sort((a, b) => a[0] - b[0])
      .map(([, s]) => s.replace(/\s+/g, ' ').trim());
  /** Runs a command from the palette (F1) by its title, as a person would. */
  const runCommand = async (title) => {
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title.replace(/^[^:]*: /, '') }).first().waitFor({ timeout: 10_000 });
    await page.keyboard.press('Enter');
  };
  /** Waits until the active editor tab is one of the workspace's files, other than `before`. */
  const editorMovedFrom = (before) =>
    page.waitForFunction(
      ({ before, files }) => {
        const tab = document.querySelector('.editor-group-container.active .tabs-container .tab.active');
        const label = tab ? tab.getAttribute('aria-label') || '' : '';
        return label !== before && files.some((f) => label.startsWith(f));
      },
      { before, files },
      { timeout: 15_000 },
    );

  /** @type {{ name: string; run: () => Promise<void> }[]} */
  const steps = [
    {
      name: 'the workbench opens the folder',
      run: async () => {
        await page.goto(server.workbenchUrl(workspace, { extensionDevelopmentPath: repoRoot }));
        await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: opened }).waitFor({ timeout: 60_000 });
        await shot('01-workbench');
      },
    },
    {
      name: `Quick Open ${opened} and wait for the index`,
      run: async () => {
        await page.locator('.monaco-workbench').click({ position: { x: 700, y: 450 } });
        await page.keyboard.press('Control+P');
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(opened);
        await page.locator('.quick-input-list .monaco-list-row', { hasText: opened }).first().waitFor({ timeout: 10_000 });
        await page.keyboard.press('Enter');
        await page.locator('.editor-instance .view-lines', { hasText: sc.word }).waitFor({ timeout: 15_000 });
        const status = page.locator('.statusbar-item', { hasText: /Dossier: \d+ entit/ });
        await status.waitFor({ timeout: 90_000 });
        log(`  status bar: ${(await status.innerText()).trim()}`);
        await shot('02-document');
      },
    },
    {
      name: `hover "${sc.word}" shows the other sources`,
      run: async () => {
        const word = await wordRect(page, sc.word);
        assert.ok(word, `"${sc.word}" is not on screen`);
        await page.mouse.move(word.x + word.w / 2, word.y + word.h / 2);
        const hover = page.locator('.monaco-hover', { hasText: /mentions? in \d+ documents?/ }).first();
        await hover.waitFor({ state: 'visible', timeout: 20_000 });
        const text = (await hover.innerText()).trim();
        log(`  hover: ${JSON.stringify(text.slice(0, 400))}`);
        const others = files.filter((f) => f !== opened && text.includes(f));
        assert.ok(others.length >= sc.minOtherSources, `hover names ${others.length} other documents`);
        await page.waitForTimeout(300); // let the fade-in finish
        await shot('03-hover');
        await page.mouse.move(5, 5);
        await page.keyboard.press('Escape');
      },
    },
    {
      name: `F12 on "${sc.word}" opens another source`,
      run: async () => {
        const before = await activeTab(page);
        const word = await wordRect(page, sc.word);
        assert.ok(word, `"${sc.word}" is not on screen`);
        await page.mouse.click(word.x + 3, word.y + word.h / 2);
        await page.keyboard.press('F12');
        await editorMovedFrom(before);
        const after = await activeTab(page);
        const cursor = (await page.locator('[id="status.editor.selection"]').innerText().catch(() => '')).trim();
        log(`  active editor: ${before.split(',')[0]} → ${after.split(',')[0]} (${cursor})`);
        await page.waitForTimeout(300);
        await shot('04-definition');
      },
    },
    {
      name: 'the Dossier sidebar shows the timeline with a corroborated day',
      run: async () => {
        const icon = page.locator('.activitybar .action-item a[aria-label^="Dossier"], .activitybar .action-item[aria-label^="Dossier"]').first();
        await icon.click({ timeout: 10_000 });
        // Give the sidebar room (drag its edge) and fold Entities so the timeline has the height.
        const sidebar = await page.locator('.part.sidebar').boundingBox();
        if (sidebar) {
          const edge = sidebar.x + sidebar.width;
          await page.mouse.move(edge - 1, sidebar.y + sidebar.height / 2);
          await page.mouse.down();
          await page.mouse.move(edge + 280, sidebar.y + sidebar.height / 2, { steps: 8 });
          await page.mouse.up();
        }
        const entitiesHeader = page.locator('.pane-header', { hasText: /^Entities/i }).first();
        if ((await entitiesHeader.getAttribute('aria-expanded')) === 'true') await entitiesHeader.click();
        const year = timelineRows.filter({ hasText: new RegExp(`^\\s*${sc.year}(?!-)`) }).first();
        await year.waitFor({ timeout: 20_000 });
        if ((await year.getAttribute('aria-expanded')) !== 'true') await year.click();
        const month = timelineRows.filter({ hasText: new RegExp(`^\\s*${sc.month}(?!-)`) }).first();
        await month.waitFor({ timeout: 10_000 });
        if ((await month.getAttribute('aria-expanded')) !== 'true') await month.click();
        const day = timelineRows.filter({ hasText: sc.day }).first();
        await day.waitFor({ timeout: 10_000 });
        const rows = await rowTexts();
        log(`  timeline rows: ${JSON.stringify(rows)}`);
        assert.match(await day.innerText(), new RegExp(`${sc.daySources} sources`));
        // Open the corroborated day: one entry per reporting document.
        await day.click();
        await page.waitForFunction(
          (day) => [...document.querySelectorAll('.monaco-list-row')].some((r) => r.textContent.includes(day) && r.getAttribute('aria-expanded') === 'true'),
          sc.day,
          { timeout: 10_000 },
        );
        await page.waitForTimeout(300);
        await shot('05-timeline');
      },
    },
    {
      name: 'the Timeline Chart opens from the Timeline view; clicking an event opens its sentence',
      run: async () => {
        const opened = Date.now();
        await timelinePane.locator('.pane-header .action-label[aria-label^="Open Timeline Chart"]').click({ timeout: 10_000 });
        const frame = await webviewFrame(page, '#chart');
        await frame.waitForSelector('body[data-first-event]', { timeout: 30_000 });
        log(`  chart drawn ${Date.now() - opened} ms after the click: ${(await frame.locator('#summary').innerText()).trim()}`);
        // A lane of its own for the entity the suite follows.
        const lane = await frame.evaluate((word) => [...document.querySelectorAll('#entities option')].map((o) => o.value).find((v) => v.includes(word)) || '', sc.word);
        assert.ok(lane, `no lane offered for ${sc.word}`);
        await frame.locator('#lane').fill(lane);
        await frame.locator('#lane').press('Enter');
        await frame.locator('#chips', { hasText: lane }).waitFor({ timeout: 10_000 });
        await page.waitForTimeout(300);
        await shot('07-chart');
        const sentence = await frame.evaluate(() => document.body.dataset.firstEventSentence || '');
        const before = await activeTab(page);
        await clickMarked(frame, '#chart', 'firstEvent');
        await editorMovedFrom(before);
        // The sentence is selected in the editor that opened.
        const words = sentence.replace(/…$/, '').split(/\s+/).slice(0, 4).join(' ');
        await page.locator('.editor-group-container.active .view-lines', { hasText: words }).waitFor({ timeout: 10_000 });
        log(`  active editor: ${(await activeTab(page)).split(',')[0]}, showing "${words}…"`);
        await shot('08-chart-opened');
      },
    },
    {
      name: 'the Entity Network opens; a click on a node shows its references, a double click filters the timeline',
      run: async () => {
        // The network alone in the window, for a picture that shows it.
        await runCommand('View: Close All Editor Groups');
        await runCommand('View: Toggle Primary Side Bar Visibility');
        const opened = Date.now();
        await runCommand('Dossier: Open Entity Network');
        const frame = await webviewFrame(page, '#graph');
        await frame.waitForSelector('body[data-best-node]', { timeout: 30_000 });
        log(`  network drawn ${Date.now() - opened} ms after the command: ${(await frame.locator('#summary').innerText()).trim()}`);
        await page.waitForTimeout(500);
        await shot('09-network');
        const name = await frame.evaluate(() => document.body.dataset.bestNodeName || '');
        await clickMarked(frame, '#graph', 'bestNode');
        await editorMovedFrom('');
        const peek = page.locator('.peekview-widget').first();
        await peek.waitFor({ state: 'visible', timeout: 10_000 });
        log(`  ${name}: ${(await activeTab(page)).split(',')[0]} opened, references: ${JSON.stringify((await peek.locator('.peekview-title').innerText().catch(() => '')).replace(/\s+/g, ' ').trim())}`);
        await shot('10-network-references');
        await page.keyboard.press('Escape');
        await runCommand('View: Toggle Primary Side Bar Visibility');
        await page.waitForTimeout(500); // the panel narrows: the graph is fitted again
        await clickMarked(frame, '#graph', 'bestNode', { clickCount: 2 });
        const description = timelinePane.locator('.pane-header', { hasText: new RegExp(`filtered: .*${escape(name)}`) });
        await description.waitFor({ timeout: 10_000 });
        log(`  double click: timeline ${JSON.stringify((await description.innerText()).replace(/\s+/g, ' ').trim())}`);
        // Both webviews ran under their Content-Security-Policy without anything being blocked.
        const blocked = consoleLines.filter((l) => /Content Security Policy/i.test(l));
        assert.deepStrictEqual(blocked, [], 'the webviews broke their CSP');
        await timelinePane.locator('.pane-header .action-label[aria-label^="Clear Timeline Filter"]').click({ timeout: 10_000 });
        await timelinePane.locator('.pane-header', { hasText: 'filtered:' }).waitFor({ state: 'detached', timeout: 10_000 });
      },
    },
    {
      name: 'filter the timeline by an entity, then clear it',
      run: async () => {
        const unfiltered = (await rowTexts()).length;
        await runCommand('Dossier: Filter Timeline by Entity');
        const input = page.locator('.quick-input-widget input');
        await page.locator('.quick-input-list .monaco-list-row', { hasText: sc.word }).first().waitFor({ timeout: 10_000 });
        await input.fill(sc.word);
        await page.waitForTimeout(200);
        await page.keyboard.press('Enter');
        const description = timelinePane.locator('.pane-header', { hasText: new RegExp(`filtered: .*${escape(sc.word)}`) });
        await description.waitFor({ timeout: 10_000 });
        log(`  view header: ${JSON.stringify((await description.innerText()).replace(/\s+/g, ' ').trim())}`);
        await page.waitForTimeout(300);
        const rows = await rowTexts();
        log(`  filtered rows: ${JSON.stringify(rows)}`);
        await shot('06-filtered');
        await timelinePane.locator('.pane-header .action-label[aria-label^="Clear Timeline Filter"]').click({ timeout: 10_000 });
        await timelinePane.locator('.pane-header', { hasText: 'filtered:' }).waitFor({ state: 'detached', timeout: 10_000 });
        log(`  rows: ${unfiltered} before the filter, ${rows.length} with it`);
      },
    },
    {
      name: `newest first, then Go to Date… ${sc.day}`,
      run: async () => {
        const firstRow = async () => (await rowTexts())[0] || '';
        const before = await firstRow();
        await timelinePane.locator('.pane-header .action-label[aria-label^="Timeline: Newest First"]').click({ timeout: 10_000 });
        // Newest first: the top row is the latest year among the top-level rows.
        await page.waitForFunction(() => {
          const pane = [...document.querySelectorAll('.pane')].find((p) => /^Timeline/.test(p.querySelector('.pane-header')?.textContent || ''));
          const years = [...(pane ? pane.querySelectorAll('.monaco-list-row[aria-level="1"]') : [])]
            .map((r) => [Number(r.getAttribute('data-index')), Number((/^\s*(\d{4})\s*$/.exec(r.querySelector('.label-name')?.textContent || '') || [])[1])])
            .filter(([, y]) => y > 0);
          if (years.length < 2) return false;
          const latest = Math.max(...years.map(([, y]) => y));
          return years.some(([i, y]) => i === 0 && y === latest);
        }, undefined, { timeout: 10_000 });
        log(`  first row: ${JSON.stringify(before)} → ${JSON.stringify(await firstRow())}`);
        await timelinePane.locator('.pane-header .action-label[aria-label^="Go to Date"]').click({ timeout: 10_000 });
        const input = page.locator('.quick-input-widget input');
        await input.waitFor({ state: 'visible', timeout: 10_000 });
        await input.fill(sc.day);
        await page.keyboard.press('Enter');
        const selected = timelineRows.filter({ hasText: sc.day }).and(page.locator('[aria-selected="true"]'));
        await selected.first().waitFor({ timeout: 10_000 });
        log(`  selected: ${JSON.stringify((await selected.first().innerText()).replace(/\s+/g, ' ').trim())}`);
        await page.waitForTimeout(300);
        await shot('07-go-to-date');
        await timelinePane.locator('.pane-header .action-label[aria-label^="Timeline: Oldest First"]').click({ timeout: 10_000 });
      },
    },
  ];

  let passed = 0;
  let failed = 0;
  let broken = false;
  try {
    for (const step of steps) {
      if (broken) {
        failed++;
        log(`  - ${step.name} (not run: an earlier step failed)`);
        continue;
      }
      const started = Date.now();
      try {
        await step.run();
        passed++;
        log(`  ✓ ${step.name} (${Date.now() - started} ms)`);
      } catch (e) {
        failed++;
        broken = true; // the steps build on each other
        log(`  ✗ ${step.name}: ${e instanceof Error ? e.message : e}`);
        await shot('99-failure').catch(() => {});
        log('  --- last browser console lines ---\n' + consoleLines.slice(-30).join('\n'));
      }
    }
  } finally {
    await context.close();
  }
  log(`ui suite: ${passed} passed, ${failed} failed`);
  return { passed, failed, shots };
}

module.exports = { runUiSuite, UI_WORKSPACE_SETTINGS, SCENARIOS };
