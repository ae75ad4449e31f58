// The editor against a real team index (PostgreSQL, DOSSIER_TEST_DATABASE_URL from
// scripts/pg-throwaway.sh, passed through code-server's environment to the extension host).
// A fixture folder — the workspace's documents plus one only the team index has — is ingested and
// clustered into a database of this run; the workspace then points `dossier.database.url` at it.
// In CI (CI=true) a missing server is a failure; locally the suite skips and says why.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Client } from 'pg';
import * as vscode from 'vscode';
import { clusterCorpus, ingestFolder, migrate, neighbourSource, openDatabase } from '../../../src/core/db';
import type { DossierApi } from '../../../src/extension';
import type { TeamEntryNode, TeamSectionNode } from '../../../src/extension/timelineView';
import { eventually, hoverText, inside, locations, seedsAndApi } from './helpers';

const CORPUS = 'e2e';
/** The document only the team index holds (invented text). */
const TEAM_ONLY = 'team-only/briefing-notes.txt';
const TEAM_ONLY_TEXT =
  'date 2026-01-20\n\nBriefing notes, not for publication.\n\n' +
  'Ratcliffe was asked again on Monday about the letters. John Ratcliffe declined to comment, ' +
  'and his office said Ratcliffe would answer in writing.\n';

async function admin(url: string, sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = '/' + name;
  return u.toString();
}

async function setTeamIndex(api: DossierApi, url: string | undefined, corpus: string | undefined): Promise<void> {
  const config = vscode.workspace.getConfiguration('dossier');
  await config.update('database.corpus', corpus, vscode.ConfigurationTarget.Workspace);
  await config.update('database.url', url, vscode.ConfigurationTarget.Workspace);
  await api.teamIndex.connection.configure();
}

describe('team index in the editor (PostgreSQL)', function () {
  this.timeout(180_000);
  const server = process.env.DOSSIER_TEST_DATABASE_URL;
  const name = `dossier_e2e_${process.pid}_${Date.now().toString(36)}`;
  let url = '';
  let fixture = '';
  let api: DossierApi;
  let seeds: Map<string, vscode.Uri>;

  before(async function () {
    if (!server) {
      if (process.env.CI) throw new Error('DOSSIER_TEST_DATABASE_URL is not set, and CI must run the team-index tests (.ci/run starts a server)');
      console.log('SKIP team index: DOSSIER_TEST_DATABASE_URL is not set (eval "$(scripts/pg-throwaway.sh start)" before npm run test:e2e)');
      this.skip();
    }
    ({ seeds, api } = await seedsAndApi(this));
    await admin(server, `CREATE DATABASE ${name}`);
    url = withDatabase(server, name);
    fixture = fs.mkdtempSync(path.join(os.tmpdir(), 'dossier-e2e-team-'));
    const root = vscode.workspace.workspaceFolders![0].uri.fsPath;
    for (const f of fs.readdirSync(root)) if (f.endsWith('.txt')) fs.copyFileSync(path.join(root, f), path.join(fixture, f));
    fs.mkdirSync(path.join(fixture, path.dirname(TEAM_ONLY)), { recursive: true });
    fs.writeFileSync(path.join(fixture, TEAM_ONLY), TEAM_ONLY_TEXT);
    const db = openDatabase(url);
    try {
      const client = await db.connect();
      try {
        await migrate(client);
      } finally {
        client.release();
      }
      const report = await ingestFolder(db, fixture, { corpus: CORPUS });
      assert.ok(report.written > 1, `${report.written} documents ingested`);
      await clusterCorpus(db, CORPUS);
    } finally {
      await db.end();
    }
    await setTeamIndex(api, url, CORPUS);
    assert.strictEqual(api.teamIndex.connection.state, 'online');
  });

  after(async () => {
    if (!server) return;
    if (api) await setTeamIndex(api, undefined, undefined);
    if (fixture) fs.rmSync(fixture, { recursive: true, force: true });
    await admin(server, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  it('a hover on a workspace document names a source that exists only in the team index', async () => {
    const doc = await vscode.workspace.openTextDocument(seeds.get('001')!);
    const text = await eventually('the team-index hover', async () => {
      const t = await hoverText(doc.uri, inside(doc, 'Ratcliffe'));
      return t.includes('Team index') ? t : undefined;
    });
    assert.match(text, /briefing-notes\.txt/);
    assert.match(text, /only in the team index/);
    // The local hover is still there, beside it.
    assert.match(text, /Other sources/);
  });

  it('F12 lists the team-only document, which opens read-only from the stored text, with hovers inside', async () => {
    const doc = await vscode.workspace.openTextDocument(seeds.get('001')!);
    const found = await locations('vscode.executeDefinitionProvider', doc.uri, inside(doc, 'Ratcliffe'));
    const team = found.filter((l) => l.uri.scheme === 'dossier');
    assert.deepStrictEqual(team.map((l) => l.uri.path), ['/' + TEAM_ONLY]);
    assert.ok(found.some((l) => l.uri.scheme === 'file'), 'the local sources are still listed');
    const editor = await vscode.window.showTextDocument(team[0].uri, { selection: team[0].range });
    assert.strictEqual(editor.document.getText(), TEAM_ONLY_TEXT);
    assert.match(editor.document.getText(team[0].range), /Ratcliffe/);
    // Read-only: typing into it, as a reader would, changes nothing (the same keystrokes do
    // change an ordinary document: the control below).
    const type = async () => {
      await vscode.commands.executeCommand('type', { text: 'typed ' });
      await new Promise((r) => setTimeout(r, 200));
    };
    await type();
    assert.strictEqual(editor.document.isDirty, false, 'the team document took an edit');
    const control = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: '' }));
    await type();
    assert.strictEqual(control.document.getText(), 'typed ', 'typing works in an ordinary document');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.window.showTextDocument(editor.document);
    assert.strictEqual(editor.document.getText(), TEAM_ONLY_TEXT);
    const inner = await hoverText(editor.document.uri, inside(editor.document, 'John Ratcliffe'));
    assert.match(inner, /Ratcliffe/);
    assert.match(inner, /Team index/);
    assert.match(inner, /\d+ mentions in \d+ documents; other documents:/);
    const refs = await locations('vscode.executeReferenceProvider', editor.document.uri, inside(editor.document, 'John Ratcliffe'));
    assert.ok(refs.filter((l) => l.uri.toString() === editor.document.uri.toString()).length >= 2, 'its own mentions');
    assert.ok(refs.some((l) => l.uri.scheme === 'file'), 'and the workspace documents, from disk');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  it('the Team Index view lists the stored entities, and under one of them the team-only document', async () => {
    const view = api.teamIndex.view;
    const entities = await view.getChildren();
    assert.ok(entities.length > 5, `${entities.length} entities`);
    const ratcliffe = entities.find((n) => n.kind === 'entity' && /Ratcliffe/.test(n.entity.name));
    assert.ok(ratcliffe, 'Ratcliffe is among the most mentioned');
    const documents = await view.getChildren(ratcliffe);
    const teamOnly = documents.find((n) => n.kind === 'document' && n.source.path === TEAM_ONLY)!;
    assert.ok(teamOnly, 'the team-only document is listed');
    const item = view.getTreeItem(teamOnly);
    assert.strictEqual((item.command!.arguments![0] as vscode.Uri).scheme, 'dossier');
    const local = documents.find((n) => n.kind === 'document' && n.source.path !== TEAM_ONLY)!;
    assert.strictEqual((view.getTreeItem(local).command!.arguments![0] as vscode.Uri).scheme, 'file', 'a workspace document opens from disk');
  });

  it('Next/Previous Source from a workspace mention reaches the team-only document, in publication order', async () => {
    const [{ published }] = await admin(url, 'SELECT d.published FROM documents d JOIN corpora c USING (corpus_id) WHERE c.name = $1 AND d.path = $2', [CORPUS, TEAM_ONLY]);
    assert.ok(typeof published === 'string', 'the team-only document is dated');
    const index = api.workspace.index;
    const seed = await vscode.workspace.openTextDocument(seeds.get('001')!);
    const ratcliffe = index.entityAt(seed.uri.toString(), seed.offsetAt(inside(seed, 'Ratcliffe')))!.entity;
    // The workspace's sources of the entity, by corpus path and publication date: the team-only
    // document falls between two of them (or at an end), and Next or Previous from its neighbour reaches it.
    const root = vscode.workspace.workspaceFolders![0].uri.path + '/';
    const stops = index.firstMentionPerDocument(ratcliffe.id).map((m) => ({ key: m.path, path: vscode.Uri.parse(m.path).path.slice(root.length), published: index.analysis(m.path)!.date.value, start: m.start }));
    const here = { path: TEAM_ONLY, published };
    const before = neighbourSource(stops, here, -1);
    const after = neighbourSource(stops, here, 1);
    const from = (before ?? after)!;
    assert.ok(from, 'a workspace source of Ratcliffe');
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(from.key));
    editor.selection = new vscode.Selection(editor.document.positionAt(from.start + 1), editor.document.positionAt(from.start + 1));
    await vscode.commands.executeCommand(before ? 'dossier.nextSource' : 'dossier.previousSource');
    const reached = await eventually('the team-only document', async () => (vscode.window.activeTextEditor?.document.uri.scheme === 'dossier' ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(reached.document.uri.path, '/' + TEAM_ONLY);
    assert.match(reached.document.getText(reached.selection), /Ratcliffe/);
    // And on from there, back into the workspace: the neighbour on the other side, or the one we came from.
    await vscode.commands.executeCommand(before ? 'dossier.previousSource' : 'dossier.nextSource');
    const back = await eventually('back in the workspace', async () => (vscode.window.activeTextEditor?.document.uri.scheme === 'file' ? vscode.window.activeTextEditor : undefined));
    assert.strictEqual(back.document.uri.toString(), vscode.Uri.parse(from.key).toString());
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it("the Timeline's Team index section lists the team-only document's dates, each opening it at the mention", async () => {
    const stored = (await admin(url, 'SELECT DISTINCT dm.value FROM date_mentions dm JOIN documents d USING (corpus_id, doc_id) JOIN corpora c USING (corpus_id) WHERE c.name = $1 AND d.path = $2 AND dm.value IS NOT NULL', [CORPUS, TEAM_ONLY])).map((r) => r.value as string);
    assert.ok(stored.length > 0, 'the team-only document mentions dates');
    const timeline = api.timeline;
    const section = await eventually('the Team index section', async () => {
      await timeline.teamSettled();
      return timeline.getChildren().find((n): n is TeamSectionNode => n.kind === 'team');
    });
    assert.deepStrictEqual(section.days.map((d) => d.day.date).sort(), [...stored].sort());
    assert.match(String(timeline.getTreeItem(section).label), /Team index/);
    const entries = section.days.flatMap((d) => timeline.getChildren(d));
    assert.ok(entries.every((e) => e.kind === 'teamEntry' && e.entry.path === TEAM_ONLY), 'only the document the workspace lacks');
    const first = entries[0] as TeamEntryNode;
    const command = timeline.getTreeItem(first).command!;
    await vscode.commands.executeCommand(command.command, ...command.arguments!);
    const opened = vscode.window.activeTextEditor!;
    assert.strictEqual(opened.document.uri.scheme, 'dossier');
    assert.strictEqual(opened.document.getText(opened.selection), first.entry.mentionText);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('corrections go to the team index, and the team index\'s corrections apply here', async () => {
    const suggestion = api.workspace.index.sameEntitySuggestions()[0];
    assert.ok(suggestion, 'the seeds give a "possible same entity" pair');
    await vscode.commands.executeCommand('dossier.dismissSameEntity', { entityId: suggestion.a.id, otherEntityId: suggestion.b.id });
    await api.teamIndex.corrections.whenSettled();
    const stored = await eventually('the dismissal in the team index', async () => {
      const rows = await admin(url, 'SELECT name_a, name_b FROM dismissed_suggestions');
      return rows.length ? rows : undefined;
    });
    assert.strictEqual(stored.length, 1);
    // A teammate's correction: another pair dismissed in the database only.
    const next = api.workspace.index.sameEntitySuggestions()[0];
    assert.ok(next, 'a second pair');
    const [{ corpus_id: corpus }] = await admin(url, 'SELECT corpus_id FROM corpora WHERE name = $1', [CORPUS]);
    await admin(url, 'INSERT INTO dismissed_suggestions (corpus_id, name_a, name_b) VALUES ($1, $2, $3)', [corpus, next.a.name, next.b.name]);
    await api.teamIndex.corrections.refresh();
    await eventually('the teammate\'s dismissal applied', async () =>
      api.workspace.index.sameEntitySuggestions().some((s) => s.a.id === next.a.id && s.b.id === next.b.id) ? undefined : true,
    );
  });

  it('a lost server leaves local results working, and the editor reconnects', async () => {
    const doc = await vscode.workspace.openTextDocument(seeds.get('001')!);
    const dead = new URL(url);
    dead.port = '1';
    await setTeamIndex(api, dead.toString(), CORPUS);
    assert.strictEqual(api.teamIndex.connection.state, 'offline');
    const text = await hoverText(doc.uri, inside(doc, 'Ratcliffe'));
    assert.match(text, /Other sources/, 'the local hover');
    assert.doesNotMatch(text, /Team index/);
    await setTeamIndex(api, url, CORPUS);
    assert.strictEqual(api.teamIndex.connection.state, 'online');
  });
});
