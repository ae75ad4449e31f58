// Moving between sources: definition (the first mention in each other document, by date),
// references (every mention), highlights (this document's mentions), Next/Previous Source.
import * as vscode from 'vscode';
import { MentionRef } from '../core/types';
import { toKey, toLocation, toVsRange } from './convert';
import { WorkspaceIndex } from './workspaceIndex';

type Target = { kind: 'entity'; id: string; mention: MentionRef } | { kind: 'date'; value: string };

function targetAt(workspace: WorkspaceIndex, document: vscode.TextDocument, position: vscode.Position): Target | undefined {
  const found = workspace.lookupAt(document, position);
  if (found?.entity) return { kind: 'entity', id: found.entity.entity.id, mention: found.entity.mention };
  return found?.date?.value ? { kind: 'date', value: found.date.value } : undefined;
}

export class DossierDefinitionProvider implements vscode.DefinitionProvider {
  constructor(private readonly workspace: WorkspaceIndex) {}

  provideDefinition(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const target = targetAt(this.workspace, document, position);
    if (!target) return undefined;
    const key = toKey(document.uri);
    const index = this.workspace.index;
    if (target.kind === 'entity') {
      // Ordered by document date; VS Code itself sorts a peek list by file, so Alt+]/Alt+[ give the chronology.
      return index.firstMentionPerDocument(target.id).filter((m) => m.path !== key).map(toLocation);
    }
    return index.sameDateMentions(target.value).filter((d) => d.path !== key).map(toLocation);
  }
}

export class DossierReferenceProvider implements vscode.ReferenceProvider {
  constructor(private readonly workspace: WorkspaceIndex) {}

  provideReferences(document: vscode.TextDocument, position: vscode.Position): vscode.Location[] | undefined {
    const target = targetAt(this.workspace, document, position);
    if (!target) return undefined;
    const index = this.workspace.index;
    if (target.kind === 'entity') return index.references(target.id).map(toLocation);
    return index.sameDateMentions(target.value).map(toLocation);
  }
}

export class DossierHighlightProvider implements vscode.DocumentHighlightProvider {
  constructor(private readonly workspace: WorkspaceIndex) {}

  provideDocumentHighlights(document: vscode.TextDocument, position: vscode.Position): vscode.DocumentHighlight[] | undefined {
    const target = targetAt(this.workspace, document, position);
    if (!target) return undefined;
    const key = toKey(document.uri);
    const index = this.workspace.index;
    const ranges =
      target.kind === 'entity'
        ? index.mentionsIn(key).filter((m) => m.entity.id === target.id).map((m) => m.mention.range)
        : index.sameDateMentions(target.value).filter((d) => d.path === key).map((d) => d.range);
    return ranges.map((r) => new vscode.DocumentHighlight(toVsRange(r), vscode.DocumentHighlightKind.Read));
  }
}

/** Opens the same entity's first mention in the chronologically next (+1) or previous (-1) document. */
export async function jumpToSource(workspace: WorkspaceIndex, direction: 1 | -1): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const target = targetAt(workspace, editor.document, editor.selection.active);
  if (target?.kind !== 'entity') {
    void vscode.window.setStatusBarMessage('Dossier: no person, organization or place under the cursor', 3000);
    return;
  }
  const key = toKey(editor.document.uri);
  const sources = workspace.index.firstMentionPerDocument(target.id);
  const here = sources.findIndex((m) => m.path === key);
  const next = sources[here + direction];
  if (!next) {
    const name = workspace.index.entity(target.id)?.name ?? target.mention.text;
    void vscode.window.setStatusBarMessage(`Dossier: no ${direction > 0 ? 'later' : 'earlier'} source mentions ${name}`, 3000);
    return;
  }
  const location = toLocation(next);
  await vscode.window.showTextDocument(location.uri, { selection: location.range, preview: false });
}

export function registerNavigation(workspace: WorkspaceIndex, selector: vscode.DocumentSelector): vscode.Disposable[] {
  return [
    vscode.languages.registerDefinitionProvider(selector, new DossierDefinitionProvider(workspace)),
    vscode.languages.registerReferenceProvider(selector, new DossierReferenceProvider(workspace)),
    vscode.languages.registerDocumentHighlightProvider(selector, new DossierHighlightProvider(workspace)),
    vscode.commands.registerCommand('dossier.nextSource', () => jumpToSource(workspace, 1)),
    vscode.commands.registerCommand('dossier.previousSource', () => jumpToSource(workspace, -1)),
  ];
}
