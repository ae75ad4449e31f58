#!/usr/bin/env node
// `npm run fuzz`: the property suite of test/unit/fuzz.test.ts at length, plus its time-linearity
// checks. FUZZ_RUNS (default 100000) sets the number of generated inputs; FUZZ_SEED replays a
// run; FUZZ_LINEAR=0 leaves the timing checks out. Prints the figures at the end.
'use strict';
const path = require('path');
const { spawnSync } = require('child_process');

const repoRoot = path.resolve(__dirname, '..');
const runs = process.env.FUZZ_RUNS || '100000';
const linear = process.env.FUZZ_LINEAR !== '0';
const mocha = path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js');
const suite = path.join(repoRoot, 'out', 'test', 'unit', 'fuzz.test.js');

/** One mocha process over the tests matching grep (or not, with invert); its seconds and status. */
function mochaRun(env, grep, invert) {
  const started = Date.now();
  // --expose-gc: the timing checks start each run from a collected heap.
  const args = ['--expose-gc', mocha, '--reporter', 'spec', '--grep', grep, ...(invert ? ['--invert'] : []), suite];
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'inherit' });
  return { seconds: Math.round((Date.now() - started) / 1000), ok: r.status === 0 };
}

// The timing checks run in a process of their own: the heap the properties leave behind would
// make every garbage collection, and so the larger inputs, slower.
const properties = mochaRun({ FUZZ_RUNS: runs, FUZZ_LINEAR: '0' }, 'time is linear', true);
const timing = linear ? mochaRun({ FUZZ_RUNS: runs, FUZZ_LINEAR: '1' }, 'time is linear', false) : undefined;
const seed = process.env.FUZZ_SEED ? ` FUZZ_SEED=${process.env.FUZZ_SEED}` : '';
console.log(`fuzz: FUZZ_RUNS=${runs}${seed}: properties ${properties.seconds} s, ${properties.ok ? 'no failures' : 'FAILURES (see above)'}`);
if (timing) console.log(`fuzz: time linearity ${timing.seconds} s, ${timing.ok ? 'no failures' : 'FAILURES (see above)'}`);
process.exitCode = properties.ok && (!timing || timing.ok) ? 0 : 1;
