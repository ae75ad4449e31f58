// Colours entity mentions by type in visible editors (decorations with theme colours the user can
// override: dossier.personForeground, …). `dossier.colouring.enabled` turns it off.
import * as vscode from 'vscode';
import { EntityType } from '../core/types';
import { toKey, toVsRange } from './convert';
import { WorkspaceIndex } from './workspaceIndex';

const TYPES: EntityType[] = ['person', 'organization', 'place'];

function enabled(): boolean {
  return vscode.workspace.getConfiguration('dossier').get<boolean>('colouring.enabled') ?? true;
}

export class EntityColouring implements vscode.Disposable {
  private readonly decorations = new Map<EntityType, vscode.TextEditorDecorationType>(
    TYPES.map((type) => [
      type,
      vscode.window.createTextEditorDecorationType({
        color: new vscode.ThemeColor(`dossier.${type}Foreground`),
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      }),
    ]),
  );
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly workspace: WorkspaceIndex) {
    this.disposables.push(
      workspace.onDidChange(() => this.refreshAll()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.refreshAll()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('dossier.colouring') && this.refreshAll()),
    );
    this.refreshAll();
  }

  refreshAll(): void {
    for (const editor of vscode.window.visibleTextEditors) this.refresh(editor);
  }

  /** The ranges applied to an editor, by type (also used by tests). */
  rangesFor(document: vscode.TextDocument): Map<EntityType, vscode.Range[]> | undefined {
    const byType = new Map<EntityType, vscode.Range[]>(TYPES.map((t) => [t, []]));
    if (!enabled()) return byType;
    const key = toKey(document.uri);
    const index = this.workspace.index;
    if (!index.analysis(key)) return byType;
    // Stale offsets would colour the wrong words: while an edit waits for re-analysis, keep the
    // current decorations (VS Code moves them along with the edit).
    if (index.text(key) !== document.getText()) return undefined;
    for (const { entity, mention } of index.mentionsIn(key)) byType.get(entity.type)!.push(toVsRange(mention.range));
    return byType;
  }

  private refresh(editor: vscode.TextEditor): void {
    const ranges = this.rangesFor(editor.document);
    if (!ranges) return;
    for (const [type, decoration] of this.decorations) editor.setDecorations(decoration, ranges.get(type) ?? []);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    for (const d of this.decorations.values()) d.dispose();
  }
}
