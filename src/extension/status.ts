// What the user sees of indexing: a status-bar item and the "Dossier" output channel.
import * as vscode from 'vscode';
import { plural } from './format';

export class DossierStatus implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  private readonly item: vscode.StatusBarItem;

  constructor() {
    this.log = vscode.window.createOutputChannel('Dossier', { log: true });
    this.item = vscode.window.createStatusBarItem('dossier.status', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Dossier';
    this.item.command = 'workbench.view.extension.dossier';
    this.item.text = '$(sync~spin) Dossier: starting';
    this.item.show();
  }

  indexing(done: number, total: number): void {
    this.item.text = `$(sync~spin) Dossier: indexing ${done}/${total}`;
    this.item.tooltip = 'Dossier is reading the workspace documents';
  }

  ready(documents: number, entities: number, skipped: number): void {
    this.item.text = `$(book) Dossier: ${plural(entities, 'entity', 'entities')}`;
    const notes = skipped ? `, ${skipped} skipped (see the Dossier output)` : '';
    this.item.tooltip = `${plural(documents, 'document')} indexed${notes}. Click to open the Dossier sidebar.`;
  }

  dispose(): void {
    this.item.dispose();
    this.log.dispose();
  }
}
