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
import { clusterCorpus, ingestFolder, migrate, openDatabase } from '../../../src/core/db';
import type { DossierApi } from '../../../src/extension';
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
