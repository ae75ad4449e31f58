// The analyst's corrections (.dossier/aliases.json) in a real extension host: every correction
// kind round-trips through the file (command with arguments → the file's content → what the
// hover, references and symbols say), hand edits are picked up by the watcher, and VS Code
// validates the file against the published schema. Each test starts and ends without the file.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CorrectionsFile } from '../../../src/core/corrections';
import type { Entity } from '../../../src/core/types';
import type { DossierApi } from '../../../src/extension';
import { eventually, hoverText, inside, locations, seedsAndApi, workspaceSymbols } from './helpers';

describe('Corrections (.dossier/aliases.json) in the extension host', function () {
  let api: DossierApi;
  let folder: vscode.Uri;
  let file: vscode.Uri;
  const seeds = new Map<string, vscode.Uri>();

  async function seed(prefix: string): Promise<vscode.TextDocument> {
    const uri = seeds.get(prefix);
    assert.ok(uri, `seed ${prefix} not in the workspace`);
    return vscode.workspace.openTextDocument(uri);
  }

  /** A seed mentioning `word`, and the entity there. */
  async function entityAt(word: string): Promise<{ doc: vscode.TextDocument; pos: vscode.Position; entity: Entity }> {
    for (const prefix of [...seeds.keys()].sort()) {
      const doc = await seed(prefix);
      if (!doc.getText().includes(word)) continue;
      const pos = inside(doc, word);
      const hit = api.workspace.index.entityAt(doc.uri.toString(), doc.offsetAt(pos));
      if (hit) return { doc, pos, entity: hit.entity };
    }
    throw new Error(`no entity "${word}" in the seeds`);
  }

  async function readFile(): Promise<CorrectionsFile> {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
    assert.ok(text.startsWith('{\n  "'), `not pretty-printed with 2 spaces:\n${text}`);
    return JSON.parse(text) as CorrectionsFile;
  }

  async function exists(uri: vscode.Uri): Promise<boolean> {
    try {
      await vscode.workspace.fs.stat(uri);
      return true;
    } catch {
      return false;
    }
  }

  before(async function () {
    const found = await seedsAndApi(this);
    for (const [prefix, uri] of found.seeds) seeds.set(prefix, uri);
    api = found.api;
    folder = vscode.workspace.workspaceFolders![0].uri;
    file = vscode.Uri.joinPath(folder, '.dossier', 'aliases.json');
    assert.ok(!(await exists(file)), 'the test workspace starts without corrections');
  });

  afterEach(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const dir = vscode.Uri.joinPath(folder, '.dossier');
    if (await exists(dir)) await vscode.workspace.fs.delete(dir, { recursive: true });
    await api.corrections.reloadAll();
    await api.workspace.whenIdle();
  });

  it('Rename Entity… writes "rename" and the hover and symbols show the new name', async function () {
    const { doc, pos, entity } = await entityAt('Ratcliffe');
    assert.strictEqual(entity.name, 'John Ratcliffe');
    await vscode.commands.executeCommand('dossier.renameEntity', { entityId: entity.id, name: 'John L. Ratcliffe' });
    const written = await readFile();
    assert.strictEqual(written.version, 1);
    assert.deepStrictEqual(written.rename, [{ entity: 'John Ratcliffe', name: 'John L. Ratcliffe' }]);
    const text = await hoverText(doc.uri, pos);
    assert.match(text, /\*\*John L. Ratcliffe\*\* · person/);
    const symbols = await workspaceSymbols('John L. Ratcliffe');
    assert.ok(symbols.some((s) => s.name === 'John L. Ratcliffe'), `symbols: ${symbols.map((s) => s.name).join(', ')}`);

    // Renaming again replaces the entry (found by any of the entity's names), never stacks a second one.
    const renamed = api.workspace.index.entityAt(doc.uri.toString(), doc.offsetAt(pos))!.entity;
    await vscode.commands.executeCommand('dossier.renameEntity', { entityId: renamed.id, name: 'Director Ratcliffe' });
    assert.deepStrictEqual((await readFile()).rename, [{ entity: 'John Ratcliffe', name: 'Director Ratcliffe' }]);
    assert.match(await hoverText(doc.uri, pos), /\*\*Director Ratcliffe\*\*/);
  });

  it('Change Type… writes "retype"; the hover, the Entities view and the colouring follow', async function () {
    const { doc, pos, entity } = await entityAt('Caracas');
    assert.strictEqual(entity.type, 'place');
    await vscode.commands.executeCommand('dossier.changeType', { entityId: entity.id, type: 'organization' });
    assert.deepStrictEqual((await readFile()).retype, [{ entity: 'Caracas', type: 'organization' }]);
    assert.match(await hoverText(doc.uri, pos), /\*\*Caracas\*\* · organization/);
    const groups = api.entities.getChildren();
    const orgs = groups.find((g) => g.kind === 'group' && g.type === 'organization');
    assert.ok(orgs && api.entities.getChildren(orgs).some((n) => n.kind === 'entity' && n.entity.name === 'Caracas'), 'Caracas under Organizations');
    const ranges = api.colouring.rangesFor(doc);
    assert.ok(ranges?.get('organization')?.some((r) => r.contains(pos)), 'Caracas coloured as an organization');
  });

  it('Not an Entity writes "ignore": no hover there, no workspace symbol', async function () {
    const { doc, pos, entity } = await entityAt('Pentagon');
    assert.ok((await workspaceSymbols('Pentagon')).some((s) => s.name === 'Pentagon'));
    await vscode.commands.executeCommand('dossier.notAnEntity', { entityId: entity.id });
    assert.deepStrictEqual((await readFile()).ignore, ['Pentagon']);
    const text = await hoverText(doc.uri, pos);
    assert.doesNotMatch(text, /Pentagon/, `hover still there:\n${text}`);
    const symbols = await workspaceSymbols('Pentagon');
    assert.ok(!symbols.some((s) => /Pentagon/.test(s.name)), `symbols: ${symbols.map((s) => s.name).join(', ')}`);
    assert.strictEqual(api.workspace.index.entityAt(doc.uri.toString(), doc.offsetAt(pos)), undefined);
  });

  it('Merge With… writes "merge": references span both entities', async function () {
    const a = await entityAt('Pentagon');
    const b = await entityAt('State Department');
    const before = (await locations('vscode.executeReferenceProvider', a.doc.uri, a.pos)).length;
    assert.strictEqual(before, a.entity.mentions.length);
    await vscode.commands.executeCommand('dossier.mergeWith', { entityId: a.entity.id, otherEntityId: b.entity.id });
    assert.deepStrictEqual((await readFile()).merge, [['Pentagon', 'State Department']]);
    const after = await locations('vscode.executeReferenceProvider', a.doc.uri, a.pos);
    assert.strictEqual(after.length, a.entity.mentions.length + b.entity.mentions.length);
    const fromB = await locations('vscode.executeReferenceProvider', b.doc.uri, b.pos);
    assert.strictEqual(fromB.length, after.length, 'both names answer with the same references');
  });

  it('Split Alias Off… writes "split": the alias becomes an entity of its own', async function () {
    const { entity } = await entityAt('Ratcliffe');
    const bare = entity.mentions.find((m) => m.text === 'Ratcliffe');
    assert.ok(bare, `no bare "Ratcliffe" among ${entity.mentions.map((m) => m.text).join(', ')}`);
    await vscode.commands.executeCommand('dossier.splitAlias', { entityId: entity.id, alias: 'Ratcliffe' });
    assert.deepStrictEqual((await readFile()).split, ['Ratcliffe']);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.parse(bare.path));
    const pos = new vscode.Position(bare.range.start.line, bare.range.start.character + 1);
    const alone = api.workspace.index.entityAt(bare.path, bare.start)!.entity;
    assert.strictEqual(alone.name, 'Ratcliffe');
    assert.notStrictEqual(alone.id, entity.id);
    assert.match(await hoverText(doc.uri, pos), /\*\*Ratcliffe\*\* · person/);
    const full = api.workspace.index.entity(entity.id);
    assert.ok(full && !full.aliases.includes('Ratcliffe'), `John Ratcliffe still has ${full?.aliases.join(', ')}`);
  });

  it('a command keeps what the analyst already wrote in the file', async function () {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, '.dossier'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{"version":1,"ignore":["CNN"],"merge":[["Caracas","Havana"]]}'));
    const { entity } = await entityAt('Venezuela');
    await vscode.commands.executeCommand('dossier.changeType', { entityId: entity.id, type: 'organization' });
    assert.deepStrictEqual(await readFile(), {
      version: 1,
      ignore: ['CNN'],
      merge: [['Caracas', 'Havana']],
      retype: [{ entity: 'Venezuela', type: 'organization' }],
    });
    assert.strictEqual(api.workspace.index.searchEntities('CNN').length, 0, 'the hand-written ignore applies too');
  });

  it('editing the file by hand is picked up by the watcher (create, change, delete)', async function () {
    const { doc, pos } = await entityAt('Venezuela');
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, '.dossier'));
    const write = (json: unknown) => vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(json, null, 2)));
    const hoverMatching = (re: RegExp) =>
      eventually(`a hover matching ${re}`, async () => {
        const t = await hoverText(doc.uri, pos);
        return re.test(t) ? t : undefined;
      });
    await write({ version: 1, retype: [{ entity: 'Venezuela', type: 'organization' }] });
    await hoverMatching(/\*\*Venezuela\*\* · organization/);
    await write({ version: 1, rename: [{ entity: 'Venezuela', name: 'Bolivarian Republic of Venezuela' }] });
    await hoverMatching(/\*\*Bolivarian Republic of Venezuela\*\* · place/);
    await vscode.workspace.fs.delete(file);
    await hoverMatching(/\*\*Venezuela\*\* · place/);
  });

  it('the entity hover offers the corrections as command links', async function () {
    const doc = await seed('001');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, inside(doc, 'Ratcliffe'))) ?? [];
    const raw = hovers.flatMap((h) => h.contents).map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
    for (const command of ['renameEntity', 'mergeWith', 'changeType', 'splitAlias', 'notAnEntity']) {
      assert.ok(raw.includes(`command:dossier.${command}?`), `no ${command} link in\n${raw}`);
    }
  });

  it('an ambiguous bare surname says so in the hover', async function () {
    const ambiguous = api.workspace.index.entities().find((e) => e.ambiguousWith?.length);
    if (!ambiguous) {
      console.log('      (no ambiguous surname in the seeds; nothing to check)');
      this.skip();
    }
    const m = ambiguous.mentions.find((x) => !x.text.includes(' ')) ?? ambiguous.mentions[0];
    const text = await hoverText(vscode.Uri.parse(m.path), new vscode.Position(m.range.start.line, m.range.start.character + 1));
    assert.match(text, /could also be: /, text);
    // The five named in the most documents; more are counted, not listed.
    for (const other of ambiguous.ambiguousWith!.slice(0, 5)) assert.ok(text.includes(other), `"${other}" missing from\n${text}`);
    if (ambiguous.ambiguousWith!.length > 5) assert.match(text, new RegExp(`and ${ambiguous.ambiguousWith!.length - 5} others?`));
  });

  it('VS Code validates the file against the published schema', async function () {
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder, '.dossier'));
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode('{\n  "retype": [{ "entity": "Caracas", "type": "robot" }],\n  "colour": 1\n}\n'));
    await vscode.window.showTextDocument(file);
    const problems = await eventually(
      'schema diagnostics',
      async () => {
        const d = vscode.languages.getDiagnostics(file);
        return d.length >= 2 ? d : undefined;
      },
      30_000,
    );
    const messages = problems.map((d) => d.message).join(' | ');
    assert.match(messages, /person|organization|place/, messages);
    assert.match(messages, /colour/, messages);
  });

  it('Possible Same Entity: dismiss writes "dismissed" and the pair is gone; confirm writes "merge"', async function () {
    const before = api.workspace.index.sameEntitySuggestions();
    assert.ok(before.length >= 2, `the seeds give suggestions: ${before.map((s) => `${s.a.name}/${s.b.name}`).join(', ')}`);
    const [first, second] = before;
    // The Entities view lists them under their own node, with the evidence as a tooltip.
    const root = api.entities.getChildren();
    assert.strictEqual(root[0].kind, 'suggestions');
    const item = api.entities.getTreeItem(api.entities.getChildren(root[0])[0]);
    assert.strictEqual(item.contextValue, 'suggestion');

    await vscode.commands.executeCommand('dossier.dismissSameEntity', { entityId: first.a.id, otherEntityId: first.b.id });
    const dismissed = await readFile();
    assert.strictEqual(dismissed.dismissed?.length, 1);
    const after = api.workspace.index.sameEntitySuggestions();
    assert.ok(!after.some((s) => s.a.id === first.a.id && s.b.id === first.b.id), 'a dismissed pair is not suggested again');

    const [a, b] = [second.a.name, second.b.name];
    await vscode.commands.executeCommand('dossier.confirmSameEntity', { entityId: second.a.id, otherEntityId: second.b.id });
    const merged = await readFile();
    assert.strictEqual(merged.merge?.length, 1);
    const holder = api.workspace.index.entities().find((e) => e.name === a || e.aliases.includes(a));
    assert.ok(holder && (holder.name === b || holder.aliases.includes(b)), `${a} and ${b} are one entity now`);
  });

  it('Filter Entities… narrows the Entities view to names and aliases containing the text', async function () {
    await vscode.commands.executeCommand('dossier.filterEntities', 'ratcliffe');
    try {
      const visible = api.entities.visibleEntities();
      assert.ok(visible.length >= 1 && visible.length < api.workspace.index.entities().length);
      for (const e of visible) assert.ok([e.name, ...e.aliases].some((n) => /ratcliffe/i.test(n)), e.name);
      const groups = api.entities.getChildren().filter((n) => n.kind === 'group');
      assert.deepStrictEqual(groups.map((g) => (g.kind === 'group' ? g.type : '')), ['person']);
    } finally {
      await vscode.commands.executeCommand('dossier.clearEntitiesFilter');
    }
    assert.strictEqual(api.entities.visibleEntities().length, api.workspace.index.entities().length);
  });
  it('Entities view lists a page of each group, then "Show more…" lists the next', async function () {
    const config = vscode.workspace.getConfiguration('dossier');
    await config.update('entities.pageSize', 10, vscode.ConfigurationTarget.Workspace);
    try {
      const group = () => api.entities.getChildren().find((n) => n.kind === 'group' && n.type === 'person')!;
      const persons = api.workspace.index.entities().filter((e) => e.type === 'person');
      assert.ok(persons.length > 10, `the seeds name more than 10 people (${persons.length})`);
      let children = api.entities.getChildren(group());
      assert.strictEqual(children.filter((n) => n.kind === 'entity').length, 10);
      const more = children[children.length - 1];
      assert.ok(more.kind === 'more' && more.remaining === persons.length - 10, JSON.stringify(more));
      // The most mentioned come first.
      assert.deepStrictEqual(children.flatMap((n) => (n.kind === 'entity' ? [n.entity.id] : [])), persons.slice(0, 10).map((e) => e.id));
      const item = api.entities.getTreeItem(more);
      assert.strictEqual(item.command?.command, 'dossier.showMoreEntities');
      await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
      children = api.entities.getChildren(group());
      assert.strictEqual(children.filter((n) => n.kind === 'entity').length, Math.min(20, persons.length));
    } finally {
      await config.update('entities.pageSize', undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.commands.executeCommand('dossier.clearEntitiesFilter'); // lists first pages again
    }
  });
});
