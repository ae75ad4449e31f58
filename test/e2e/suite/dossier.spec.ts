// The extension in a real extension host, on a workspace copied from ../shared/corpora/seeds by the
// harness. Everything goes through VS Code's own commands (vscode.execute*Provider), as an editor would.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../../src/extension';
import type { PeriodNode } from '../../../src/extension/timelineView';
import { basename, eventually, hoverText, inside, locations, seedsAndApi } from './helpers';

describe('Dossier in the extension host (seed articles)', function () {
  let api: DossierApi;
  const seeds = new Map<string, vscode.Uri>(); // "001" → uri

  async function seed(prefix: string): Promise<vscode.TextDocument> {
    const uri = seeds.get(prefix);
    assert.ok(uri, `seed ${prefix} not in the workspace`);
    return vscode.workspace.openTextDocument(uri);
  }

  before(async function () {
    const found = await seedsAndApi(this);
    for (const [prefix, uri] of found.seeds) seeds.set(prefix, uri);
    api = found.api;
    assert.ok(api.workspace.index.size >= 5, `indexed ${api.workspace.index.size} documents`);
  });

  it('hover on "Ratcliffe" in 001 names at least 3 other documents', async function () {
    const doc = await seed('001');
    const text = await hoverText(doc.uri, inside(doc, 'Ratcliffe'));
    assert.match(text, /Ratcliffe/);
    const others = [...seeds.entries()].filter(([p]) => p !== '001').map(([, uri]) => basename(uri));
    const named = others.filter((name) => text.includes(name));
    assert.ok(named.length >= 3, `hover names ${named.length} other documents: ${named.join(', ')}\n${text}`);
    assert.match(text, /\d+ mentions in \d+ documents/);
  });

  it('definition on "Thursday" in 001 leads to 003 or 004', async function () {
    const doc = await seed('001');
    const found = await locations('vscode.executeDefinitionProvider', doc.uri, inside(doc, 'Thursday'));
    const names = found.map((l) => basename(l.uri));
    assert.ok(names.some((n) => n.startsWith('003_') || n.startsWith('004_')), `definition targets: ${names.join(', ') || 'none'}`);
  });

  it('references on "Maduro" span at least 3 documents', async function () {
    let doc: vscode.TextDocument | undefined;
    for (const prefix of [...seeds.keys()].sort()) {
      const d = await seed(prefix);
      if (d.getText().includes('Maduro')) {
        doc = d;
        break;
      }
    }
    assert.ok(doc, 'no seed mentions Maduro');
    const found = await locations('vscode.executeReferenceProvider', doc.uri, inside(doc, 'Maduro'));
    const documents = new Set(found.map((l) => l.uri.toString()));
    assert.ok(documents.size >= 3, `references in ${documents.size} documents`);
  });

  it('document highlights mark the entity\'s mentions in this file', async function () {
    const doc = await seed('001');
    const highlights =
      (await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, inside(doc, 'Ratcliffe'))) ?? [];
    assert.ok(highlights.length >= 2, `${highlights.length} highlights`);
    for (const h of highlights) assert.match(doc.getText(h.range), /Ratcliffe/);
  });

  it('workspace symbols find entities by alias', async function () {
    const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Ratcliffe')) ?? [];
    assert.ok(symbols.some((s) => /Ratcliffe/.test(s.name)), `symbols: ${symbols.map((s) => s.name).join(', ')}`);
  });

  it('the Timeline tree shows 2026-01-15 under 2026-01 with 3 sources', async function () {
    const month = api.timeline.findPeriod('2026-01');
    assert.ok(month, 'no 2026-01 in the timeline');
    const children = api.timeline.getChildren(month);
    const day = children.find((c): c is PeriodNode => c.kind === 'day' && c.value === '2026-01-15');
    assert.ok(day, `2026-01 children: ${children.map((c) => ('value' in c ? c.value : c.kind)).join(', ')}`);
    assert.strictEqual(day.sources, 3, `2026-01-15 has ${day.sources} sources`);
    assert.match(String(api.timeline.getTreeItem(day).description), /3 sources/);
  });

  it('Next Source jumps to another document mentioning the entity', async function () {
    const doc = await seed('001');
    const editor = await vscode.window.showTextDocument(doc);
    const at = inside(doc, 'Ratcliffe');
    editor.selection = new vscode.Selection(at, at);
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    const moved = () =>
      eventually('another editor', async () => {
        const now = vscode.window.activeTextEditor?.document.uri.toString();
        return now && now !== before ? now : undefined;
      }, 3_000).catch(() => undefined);
    // 001 may be the first or the last source of Ratcliffe: one of the two directions moves.
    await vscode.commands.executeCommand('dossier.nextSource');
    let after = await moved();
    if (!after) {
      await vscode.commands.executeCommand('dossier.previousSource');
      after = await moved();
    }
    assert.ok(after, 'neither Next nor Previous Source opened another document');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('an unsaved edit adding a new person updates the hover without a rebuild', async function () {
    const doc = await seed('001');
    const editor = await vscode.window.showTextDocument(doc);
    const sentence = '\n\nSenator Margaret Thistlewood met John Ratcliffe in Caracas on Friday.\n';
    const end = doc.positionAt(doc.getText().length);
    assert.ok(await editor.edit((b) => b.insert(end, sentence)));
    const text = await eventually('a hover on the new person', async () => {
      const t = await hoverText(doc.uri, inside(doc, 'Thistlewood'));
      return /Thistlewood/.test(t) ? t : undefined;
    });
    assert.match(text, /person/);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await eventually('the edit to be forgotten', async () =>
      api.workspace.index.searchEntities('Thistlewood').length === 0 ? true : undefined,
    );
  });

  it('hover on "Thursday" in 001 gives the day, its weekday and how it was resolved', async function () {
    const doc = await seed('001');
    const text = await hoverText(doc.uri, inside(doc, 'Thursday'));
    assert.match(text, /Thursday, 15 January 2026/);
    assert.match(text, /2026-01-17/, 'the explanation names the article date');
    const others = [...seeds.entries()].filter(([p]) => p === '003' || p === '004').map(([, uri]) => basename(uri));
    assert.ok(others.some((n) => text.includes(n)), `no 003/004 in\n${text}`);
  });

  it('Reveal in Timeline selects the entry of the date under the cursor', async function () {
    const doc = await seed('001');
    const editor = await vscode.window.showTextDocument(doc);
    const at = inside(doc, 'Thursday');
    editor.selection = new vscode.Selection(at, at);
    await vscode.commands.executeCommand('dossier.revealInTimeline');
    const selected = await eventually('a timeline selection', async () => api.timelineView.selection[0]);
    assert.strictEqual(selected.kind, 'entry');
    assert.strictEqual(selected.kind === 'entry' && selected.date, '2026-01-15');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('exports the index as dossier-export/2 JSON with workspace-relative paths', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const target = vscode.Uri.joinPath(folder, '.dossier-test-export.json');
    await vscode.commands.executeCommand('dossier.export', { format: 'json', target: target.toString() });
    const data = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
    assert.strictEqual(data.schema, 'dossier-export/2');
    assert.ok(data.documents.some((d: { path: string }) => /^001_[0-9a-f]+\.txt$/.test(d.path)), JSON.stringify(data.documents));
    assert.ok(data.entities.some((e: { name: string }) => /Ratcliffe/.test(e.name)));
    await vscode.workspace.fs.delete(target);
  });

  it('a binary file in the folder is skipped without disturbing the index', async function () {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const bad = vscode.Uri.joinPath(folder, 'not-really-text.txt');
    const size = api.workspace.index.size;
    await vscode.workspace.fs.writeFile(bad, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0]));
    await new Promise((r) => setTimeout(r, 1000));
    await api.workspace.whenIdle();
    assert.ok(!api.workspace.index.paths().includes(bad.toString()), 'the binary file was indexed');
    assert.strictEqual(api.workspace.index.size, size);
    await vscode.workspace.fs.delete(bad);
  });

  it('deleting a file removes its mentions', async function () {
    const doc = await seed('001');
    const pos = inside(doc, 'Ratcliffe');
    const before = await locations('vscode.executeReferenceProvider', doc.uri, pos);
    const victim = before.map((l) => l.uri).find((u) => !basename(u).startsWith('001_'));
    assert.ok(victim, 'Ratcliffe is only in 001');
    await vscode.workspace.fs.delete(victim);
    const after = await eventually('the deleted file to leave the index', async () => {
      const refs = await locations('vscode.executeReferenceProvider', doc.uri, pos);
      return refs.some((l) => l.uri.toString() === victim.toString()) ? undefined : refs;
    });
    assert.ok(after.length > 0 && after.length < before.length, `${before.length} → ${after.length} references`);
    assert.ok(!api.workspace.index.paths().includes(victim.toString()));
  });
});
