// Shared by the extension-host specs: the extension's API, seed lookup, and queries that go
// through VS Code's own commands (vscode.execute*Provider), as an editor would.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../../src/extension';

export const EXTENSION_ID = 'dossier.dossier';

export function basename(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}

/** The extension, activated, with its first index done. */
export async function activeApi(): Promise<DossierApi> {
  const extension = vscode.extensions.getExtension<DossierApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not loaded`);
  const api = await extension.activate();
  await api.workspace.whenIdle();
  await api.corrections.ready;
  return api;
}

/** Seed articles of the workspace by number prefix ("001" → uri). */
export async function findSeeds(): Promise<Map<string, vscode.Uri>> {
  const seeds = new Map<string, vscode.Uri>();
  for (const uri of await vscode.workspace.findFiles('*.txt')) {
    const m = /^(\d{3})_/.exec(basename(uri));
    if (m) seeds.set(m[1], uri);
  }
  return seeds;
}

/** The seeds and the active API for a suite's `before`; skips the suite, saying why, without seeds. */
export async function seedsAndApi(ctx: Mocha.Context): Promise<{ seeds: Map<string, vscode.Uri>; api: DossierApi }> {
  const seeds = await findSeeds();
  if (!seeds.has('001')) {
    console.log('SKIP: the workspace holds no seed articles (../shared/corpora/seeds missing?)');
    ctx.skip();
  }
  return { seeds, api: await activeApi() };
}

/** Markdown of all hovers at a position, with markdown escapes removed. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

export async function locations(command: string, uri: vscode.Uri, position: vscode.Position): Promise<vscode.Location[]> {
  const result = (await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>(command, uri, position)) ?? [];
  return result.map((l) => ('targetUri' in l ? new vscode.Location(l.targetUri, l.targetRange) : l));
}

export async function workspaceSymbols(query: string): Promise<vscode.SymbolInformation[]> {
  return (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', query)) ?? [];
}

export async function eventually<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** Position inside the n-th occurrence of `word` (a character in, so it is not on an edge). */
export function inside(doc: vscode.TextDocument, word: string, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(word, at + 1);
  assert.ok(at >= 0, `"${word}" not found in ${basename(doc.uri)}`);
  return doc.positionAt(at + 1);
}
