// Reads a .cpuprofile (from DOSSIER_E2E_PROFILE) and lists every stretch longer than a threshold
// during which the thread never went idle, with what ran in it: the functions with the most self
// time, and the outermost non-VS-Code frames that held it (inclusive time).
// A busy stretch is not a stall (work in slices lets timers run in between): when the e2e lag
// probe's FILE.stalls.json sits beside the profile ([monotonic µs, lag ms] per stall), those
// stalls are shown instead; --at MS+LEN,… picks windows by hand (ms from the profile's start).
// Usage: node scripts/stalls.js FILE.cpuprofile [thresholdMs=50] [--at MS+LEN,MS+LEN…]
'use strict';
const fs = require('fs');

const argv = process.argv.slice(2);
const atIndex = argv.indexOf('--at');
const windows = atIndex >= 0 ? argv.splice(atIndex, 2)[1].split(',').map((w) => w.split('+').map(Number)) : [];
const [file, thresholdArg] = argv;
if (!file) {
  console.error('usage: node scripts/stalls.js FILE.cpuprofile [thresholdMs] [--at MS+LEN,…]');
  process.exit(2);
}
const threshold = Number(thresholdArg ?? 50);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const probed = file.replace(/\.cpuprofile$/, '.stalls.json');
if (!windows.length && fs.existsSync(probed)) {
  for (const [us, lag] of JSON.parse(fs.readFileSync(probed, 'utf8'))) windows.push([(us - profile.startTime) / 1000, lag]);
}
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

const label = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(?=[^/]+\/[^/]+$)/, '')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const idle = (n) => n.callFrame.functionName === '(idle)';

// Sample times: timeDeltas are in microseconds.
let t = profile.startTime;
const samples = profile.samples.map((id, i) => ({ id, t: (t += profile.timeDeltas[i]) }));

const stalls = [];
let start = -1;
for (const [at, len] of windows) {
  const from = profile.startTime + at * 1000;
  const to = from + len * 1000;
  const inside = samples.map((s, i) => [s, i]).filter(([s]) => s.t >= from && s.t <= to);
  if (inside.length) stalls.push({ start: inside[0][1], end: inside.at(-1)[1], ms: len });
}
for (let i = 0; i < samples.length && !windows.length; i++) {
  const busy = !idle(nodes.get(samples[i].id));
  if (busy && start < 0) start = i;
  if ((!busy || i === samples.length - 1) && start >= 0) {
    const end = busy ? i : i - 1;
    const ms = (samples[end].t - samples[start].t) / 1000;
    if (ms > threshold) stalls.push({ start, end, ms });
    start = -1;
  }
}

const ours = (n) => /\/(dist|out)\/|src\//.test(n.callFrame.url) && !/vs\/workbench|extensionHostProcess/.test(n.callFrame.url);
console.log(`${file}: ${samples.length} samples over ${((samples.at(-1).t - samples[0].t) / 1000).toFixed(0)} ms; ${stalls.length} busy stretches > ${threshold} ms`);
for (const s of stalls) {
  const self = new Map();
  const outer = new Map();
  /** Consecutive samples with the same holder, in order: [holder, ms]. */
  const runs = [];
  for (let i = s.start; i <= s.end; i++) {
    const dt = ((samples[i + 1]?.t ?? samples[i].t) - samples[i].t) / 1000;
    const n = nodes.get(samples[i].id);
    self.set(label(n), (self.get(label(n)) ?? 0) + dt);
    // The outermost frame of ours on the stack, else the outermost named frame.
    let top;
    let named;
    for (let id = n.id; id !== undefined; id = parent.get(id)) {
      const m = nodes.get(id);
      if (ours(m)) top = m;
      if (m.callFrame.functionName && !m.callFrame.functionName.startsWith('(')) named = m;
    }
    const key = top ? `ours: ${label(top)}` : named ? label(named) : label(n);
    outer.set(key, (outer.get(key) ?? 0) + dt);
    if (runs.length && runs.at(-1)[0] === key) runs.at(-1)[1] += dt;
    else runs.push([key, dt]);
  }
  const at = ((samples[s.start].t - profile.startTime) / 1000).toFixed(0);
  console.log(`\n— ${s.ms.toFixed(1)} ms ${windows.length ? 'stall' : 'busy'} at ${at} ms`);
  const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([l, ms]) => `    ${ms.toFixed(1).padStart(6)} ms  ${l}`).join('\n');
  console.log('  self:\n' + top(self, 8));
  console.log('  held by:\n' + top(outer, 6));
  console.log('  in order (runs ≥ 2 ms):\n' + runs.filter(([, ms]) => ms >= 2).map(([l, ms]) => `    ${ms.toFixed(1).padStart(6)} ms  ${l}`).join('\n'));
}
