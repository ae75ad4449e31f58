// The layering as a checked rule: src/core/ runs without VS Code (the CLI, worker threads, tests),
// so it never imports `vscode` or the extension's adapters; the entity recognizer's training code
// stays out of what the analyzer loads.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './sharedCorpora';

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const IMPORT = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm;

function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  return [...text.matchAll(IMPORT)].map((m) => m[1]);
}

describe('layering', () => {
  const core = path.join(repoRoot, 'src', 'core');

  it('src/core never imports vscode or src/extension', () => {
    const offenders: string[] = [];
    for (const file of sources(core)) {
      for (const spec of importsOf(file)) {
        const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : spec;
        if (spec === 'vscode' || target.startsWith(path.join(repoRoot, 'src', 'extension'))) offenders.push(`${path.relative(repoRoot, file)} → ${spec}`);
      }
    }
    assert.deepStrictEqual(offenders, []);
  });

  it('the analyzer never loads the recognizer\'s training code', () => {
    const offenders = sources(core)
      .filter((f) => !f.endsWith(`${path.sep}training.ts`))
      .filter((f) => importsOf(f).some((s) => /\/training$/.test(s)))
      .map((f) => path.relative(repoRoot, f));
    assert.deepStrictEqual(offenders, []);
  });

  it('sees the imports it checks (a file with a vscode import would be caught)', () => {
    assert.deepStrictEqual(importsOf(path.join(repoRoot, 'src', 'extension.ts')).filter((s) => s === 'vscode'), ['vscode']);
  });
});
