// Locates ../shared/corpora beside the checkout. Tests that need it skip, with a printed reason,
// when that folder is absent outside CI; in CI (CI=true) its absence is a failure.
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export function sharedCorpus(name: string): string | undefined {
  const dir = path.resolve(repoRoot, '..', 'shared', 'corpora', name);
  return fs.existsSync(dir) ? dir : undefined;
}

export function skipWithoutCorpus(ctx: Mocha.Context, name: string): string {
  const dir = sharedCorpus(name);
  if (!dir && process.env.CI) throw new Error(`../shared/corpora/${name} is absent, and CI must have it`);
  if (!dir) {
    console.log(`      skipped: ../shared/corpora/${name} is absent`);
    ctx.skip();
  }
  return dir!;
}
