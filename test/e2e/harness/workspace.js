// Test workspaces: fresh copies of the seed articles in a temporary folder, made at test time
// (the tests edit and delete files; the corpus itself is read-only and never copied into the repo).
'use strict';
const fs = require('fs');
const path = require('path');
const { seedsDir } = require('./settings');

function seedsAvailable() {
  return fs.existsSync(seedsDir) && fs.readdirSync(seedsDir).some((f) => f.endsWith('.txt'));
}

/**
 * @param {string} parent folder to create the workspace in
 * @param {string} name workspace folder name
 * @param {Record<string, unknown>} [settings] written to .vscode/settings.json
 */
function makeSeedWorkspace(parent, name, settings) {
  return makeWorkspace(seedsDir, parent, name, settings);
}

/** A writable copy of the text files of `from` (seeds, or the project's samples/). */
function makeWorkspace(from, parent, name, settings) {
  const dir = path.join(parent, name);
  fs.mkdirSync(dir, { recursive: true });
  for (const file of fs.readdirSync(from)) {
    if (/\.(txt|md)$/.test(file)) fs.copyFileSync(path.join(from, file), path.join(dir, file));
  }
  if (settings) {
    fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return dir;
}

module.exports = { seedsAvailable, makeSeedWorkspace, makeWorkspace };
