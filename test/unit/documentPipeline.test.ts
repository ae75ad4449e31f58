// One pipeline from a file to its analysis for the CLI and the editor: the same outcomes and the
// same messages whichever way a host reads files (Node's fs synchronously, as the CLI does, or
// asynchronously, as the editor does for local files).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { AnalysisCache } from '../../src/core/analysisCache';
import { DocumentPipeline, FileHost, nodeFileHost } from '../../src/core/documentPipeline';
import { readRegularFileAsync } from '../../src/core/files';
import { Slicer } from '../../src/core/steps';
import { tempFolder } from './tempFolder';

const ARTICLE = 'date 2025-03-12\nPort director Ingrid Halvorsen said on Monday that talks in Valmora had failed.\n';
const asyncHost: FileHost = { read: readRegularFileAsync };

describe('DocumentPipeline', () => {
  let dir = '';
  tempFolder('dossier-pipeline-', (d) => (dir = d));

  function files(): string[] {
    fs.writeFileSync(path.join(dir, 'article.txt'), ARTICLE);
    fs.writeFileSync(path.join(dir, 'large.txt'), 'x'.repeat(3000));
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0]));
    fs.mkdirSync(path.join(dir, 'folder.txt'));
    return ['article.txt', 'large.txt', 'binary.txt', 'folder.txt', 'missing.txt'];
  }

  function pipeline(host: FileHost, cache?: AnalysisCache) {
    const warnings: string[] = [];
    return { warnings, pipeline: new DocumentPipeline({ host, slicer: new Slicer(), maxFileSizeKB: 2, cache, warn: (m) => warnings.push(m) }) };
  }

  it('gives the same outcomes and messages through either host, one reason per file left out', async () => {
    const names = files();
    const outcomes = async (host: FileHost) => {
      const { pipeline: p } = pipeline(host);
      const out: string[] = [];
      for (const name of names) {
        const o = await p.load({ key: name, file: path.join(dir, name), label: name });
        out.push(o.kind === 'analysed' ? `${name}: ${o.analysis.entities.map((e) => e.text).join(', ')}` : o.kind === 'skipped' ? o.reason : o.kind);
      }
      return out;
    };
    const sync = await outcomes(nodeFileHost);
    assert.deepStrictEqual(await outcomes(asyncHost), sync);
    assert.match(sync[0], /^article\.txt: .*Ingrid Halvorsen/);
    assert.deepStrictEqual(sync.slice(1), [
      'large.txt: skipped, 3 KB is larger than the 2 KB limit',
      'binary.txt: skipped, looks like a binary file (NUL or control bytes)',
      'folder.txt: skipped, a folder',
      'missing.txt: skipped, not found (ENOENT)',
    ]);
  });

  it('takes what the cache holds, stores what it analysed, and drops work no longer wanted', async () => {
    files();
    const cache = new AnalysisCache(path.join(dir, 'cache'));
    const { pipeline: p, warnings } = pipeline(nodeFileHost, cache);
    const request = { key: 'article.txt', file: path.join(dir, 'article.txt'), label: 'article.txt' };
    const first = await p.load(request);
    const second = await p.load(request);
    assert.ok(first.kind === 'analysed' && !first.fromCache);
    assert.ok(second.kind === 'analysed' && second.fromCache);
    assert.deepStrictEqual(second.analysis, first.analysis);
    assert.deepStrictEqual(p.stats, { cacheHits: 1, analysed: 1 });
    const again = await p.load({ ...request, useCache: false });
    assert.ok(again.kind === 'analysed' && !again.fromCache);
    assert.deepStrictEqual(await p.load({ ...request, wanted: () => false }), { kind: 'superseded' });
    assert.deepStrictEqual(warnings, []);
  });
});
