#!/usr/bin/env node
// `npm run fuzz`: the property suite of test/unit/fuzz.test.ts at length, plus its time-linearity
// checks. FUZZ_RUNS (default 100000) sets the number of generated inputs; FUZZ_SEED replays a
// run; FUZZ_LINEAR=0 leaves the timing checks out. Prints the figures at the end.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const repoRoot = path.resolve(__dirname, '..');
const env = { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS || '100000', FUZZ_LINEAR: process.env.FUZZ_LINEAR || '1' };
const started = Date.now();
const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
// --expose-gc: the timing checks start each run from a collected heap.
const r = spawnSync(process.execPath, ['--expose-gc', mocha, '--reporter', 'spec', path.join(repoRoot, 'out', 'test', 'unit', 'fuzz.test.js')], {
  cwd: repoRoot,
  env,
  stdio: 'inherit',
});
const seconds = ((Date.now() - started) / 1000).toFixed(0);
console.log(`fuzz: FUZZ_RUNS=${env.FUZZ_RUNS}${env.FUZZ_SEED ? ` FUZZ_SEED=${env.FUZZ_SEED}` : ''}, ${seconds} s, ${r.status === 0 ? 'no failures' : 'FAILURES (see above)'}`);
process.exitCode = r.status ?? 1;
