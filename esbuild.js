// Bundles the extension (vscode external), the CLI, the worker and the webviews into dist/. Flags: --watch, --production.
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const builds = [
  { ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...common, entryPoints: ['src/core/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' },
  // Webviews: browser bundles, one per view, loaded under a CSP that allows nothing else.
  ...['timelineChart', 'entityNetwork'].map((name) => ({
    ...common,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: [`src/webviews/${name}/main.ts`],
    outfile: `dist/webviews/${name}.js`,
  })),
  { ...common, entryPoints: ['src/webviews/shared/webview.css'], outfile: 'dist/webviews/webview.css' },
];

// Files the bundles read at run time, copied beside them: the entity recognizer's weights.
const assets = [['src/core/entities/ner-model.bin', 'dist/ner-model.bin']];

function copyAssets() {
  const fs = require('fs');
  fs.mkdirSync('dist', { recursive: true });
  for (const [from, to] of assets) fs.copyFileSync(from, to);
}

async function main() {
  copyAssets();
  const existing = builds.filter((b) => require('fs').existsSync(b.entryPoints[0]));
  if (watch) {
    for (const b of existing) (await esbuild.context(b)).watch();
    console.log('esbuild: watching');
    return;
  }
  await Promise.all(existing.map((b) => esbuild.build(b)));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
