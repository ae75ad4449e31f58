// Issue 12's corrections-file reproductions: a BOM, unknown keys and versions, a rename onto
// another entity's name, and aliases.json files that are not regular files.
import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { parseCorrections } from '../../src/core/corrections';
import { repoRoot } from './sharedCorpora';
import { tempFolder } from './tempFolder';

const ARTICLE = 'date 2025-06-02\nPort director Ingrid Halvorsen met the Maritime Safety Office and Nordby Shipping in Tromsø.\n';

describe('corrections file input', function () {
  this.timeout(60000);

  it('accepts a UTF-8 byte-order mark', () => {
    const r = parseCorrections('\ufeff' + JSON.stringify({ ignore: ['Tromsø'] }));
    assert.deepStrictEqual(r.problems, []);
    assert.strictEqual(r.corrections.ignore.size, 1);
  });

  it('warns on unknown keys, with the key it probably meant, and on an unknown version', () => {
    const r = parseCorrections(JSON.stringify({ version: 999, merges: [['A', 'B']], colour: 'red', split: ['X'] }));
    assert.deepStrictEqual(r.problems, [
      '.dossier/aliases.json: unknown key "merges" ignored (did you mean "merge"?)',
      '.dossier/aliases.json: unknown key "colour" ignored',
      '.dossier/aliases.json: "version": 999 is not one this Dossier knows (1); read as version 1',
    ]);
    assert.strictEqual(r.corrections.split.size, 1, 'the known keys still apply');
  });

  it("a rename never takes another entity's id: the renamed one is numbered, with a warning", () => {
    const index = (file: object) => {
      const i = new CorpusIndex({ corrections: parseCorrections(JSON.stringify(file)).corrections });
      i.update('a.txt', ARTICLE);
      return i;
    };
    const plain = index({});
    const nordby = plain.entities().find((e) => e.name === 'Nordby Shipping')!;
    const office = plain.entities().find((e) => e.name === 'Maritime Safety Office')!;
    assert.ok(nordby && office && nordby.type === office.type);
    // Both ways round: whichever comes first in key order, the entity named so keeps its id.
    for (const [renamed, other] of [[office, nordby], [nordby, office]]) {
      const i = index({ rename: [{ entity: renamed.name, name: other.name }] });
      const holding = (surface: string) => i.entities().find((e) => e.mentions.some((m) => m.text === surface))!;
      assert.strictEqual(holding(other.name).id, other.id);
      assert.strictEqual(holding(renamed.name).id, `${other.id}-2`);
      assert.strictEqual(holding(renamed.name).name, other.name);
      assert.deepStrictEqual(i.correctionWarnings(), [
        `.dossier/aliases.json: rename to "${other.name}": ${other.id} already belongs to another entity; the renamed one is ${other.id}-2`,
      ]);
    }
  });

  describe('through the CLI', () => {
    let dir = '';
    tempFolder('dossier-corrections-input-', (d) => {
      dir = d;
      fs.writeFileSync(path.join(d, 'a.txt'), ARTICLE);
      fs.mkdirSync(path.join(d, '.dossier'));
    });
    const run = () => spawnSync('node', [path.join(repoRoot, 'dist', 'cli.js'), 'export', dir], { encoding: 'utf8', timeout: 30000 });
    const file = () => path.join(dir, '.dossier', 'aliases.json');

    it('a BOM-prefixed file applies', () => {
      fs.writeFileSync(file(), '\ufeff' + JSON.stringify({ ignore: ['Tromsø'] }));
      const r = run();
      assert.strictEqual(r.status, 0, r.stderr);
      assert.doesNotMatch(r.stderr, /aliases\.json/);
      assert.ok(!JSON.parse(r.stdout).entities.some((e: { name: string }) => e.name === 'Tromsø'));
    });

    it('a FIFO or a link to /dev/zero is not read: one line, and the analysis runs', () => {
      spawnSync('mkfifo', [file()]);
      let r = run();
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /^dossier: warning: \.dossier\/aliases\.json: not read, a FIFO; corrections ignored$/m);
      fs.rmSync(file());
      fs.symlinkSync('/dev/zero', file());
      r = run();
      assert.strictEqual(r.status, 0, r.stderr);
      assert.match(r.stderr, /^dossier: warning: \.dossier\/aliases\.json: not read, a device; corrections ignored$/m);
      assert.ok(JSON.parse(r.stdout).entities.length > 0);
    });

    it('a file over the size cap is not read', () => {
      fs.writeFileSync(file(), `{"ignore": [${'"x",'.repeat(1100000)}"y"]}`);
      assert.match(run().stderr, /aliases\.json: not read, \d+ KB is larger than the 4096 KB limit; corrections ignored/);
    });
  });
});
