// Ctrl+T finds entities by name or alias; the Outline lists the entities of the open document.
import * as vscode from 'vscode';
import { toKey, toLocation, toVsRange, symbolKind } from './convert';
import { WorkspaceIndex } from './workspaceIndex';
import { plural } from './format';

const MAX_WORKSPACE_SYMBOLS = 500;

export class DossierWorkspaceSymbolProvider implements vscode.WorkspaceSymbolProvider {
  constructor(private readonly workspace: WorkspaceIndex) {}

  provideWorkspaceSymbols(query: string): vscode.SymbolInformation[] {
    const index = this.workspace.index;
    const entities = query.trim() ? index.searchEntities(query.trim()) : index.entities();
    const out: vscode.SymbolInformation[] = [];
    for (const entity of entities.slice(0, MAX_WORKSPACE_SYMBOLS)) {
      const first = index.firstMentionPerDocument(entity.id)[0];
      if (!first) continue;
      const container = `${entity.type} · ${plural(entity.mentionCount, 'mention')} in ${plural(entity.documents.length, 'document')}` +
        (entity.aliases.length ? ` · ${entity.aliases.join(', ')}` : '');
      out.push(new vscode.SymbolInformation(entity.name, symbolKind(entity.type), container, toLocation(first)));
    }
    return out;
  }
}

export class DossierDocumentSymbolProvider implements vscode.DocumentSymbolProvider {
  constructor(private readonly workspace: WorkspaceIndex) {}

  provideDocumentSymbols(document: vscode.TextDocument): vscode.DocumentSymbol[] | undefined {
    this.workspace.hurry(document);
    const key = toKey(document.uri);
    const index = this.workspace.index;
    if (!index.analysis(key)) return undefined;
    // One symbol per entity, at its first mention here, with the number of mentions in this document.
    const first = new Map<string, { name: string; type: Parameters<typeof symbolKind>[0]; range: vscode.Range; count: number }>();
    for (const { entity, mention } of index.mentionsIn(key)) {
      const seen = first.get(entity.id);
      if (seen) seen.count++;
      else first.set(entity.id, { name: entity.name, type: entity.type, range: toVsRange(mention.range), count: 1 });
    }
    return [...first.values()].map(
      (e) => new vscode.DocumentSymbol(e.name, `${e.type} ×${e.count}`, symbolKind(e.type), e.range, e.range),
    );
  }
}

export function registerSymbols(workspace: WorkspaceIndex, selector: vscode.DocumentSelector): vscode.Disposable[] {
  return [
    vscode.languages.registerWorkspaceSymbolProvider(new DossierWorkspaceSymbolProvider(workspace)),
    vscode.languages.registerDocumentSymbolProvider(selector, new DossierDocumentSymbolProvider(workspace), { label: 'Dossier' }),
  ];
}
