// Dossier's entry point: only wiring. Each feature lives in src/extension/<feature>.ts and
// registers itself; analysis lives in src/core/ and never sees `vscode`.
import * as vscode from 'vscode';
import { EntityColouring } from './extension/colouring';
import { registerCommands } from './extension/commands';
import { EntitiesTreeProvider, registerEntitiesView } from './extension/entitiesView';
import { registerHover } from './extension/hover';
import { registerNavigation } from './extension/navigation';
import { DossierStatus } from './extension/status';
import { registerSymbols } from './extension/symbols';
import { registerTimelineView, TimelineNode, TimelineTreeProvider } from './extension/timelineView';
import { WorkspaceIndex } from './extension/workspaceIndex';

/** What `activate` returns: for other extensions and for the extension-host tests. */
export interface DossierApi {
  workspace: WorkspaceIndex;
  timeline: TimelineTreeProvider;
  timelineView: vscode.TreeView<TimelineNode>;
  entities: EntitiesTreeProvider;
  colouring: EntityColouring;
}

/** Documents Dossier answers for: anything on disk; providers return nothing for files it did not index. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }];

export function activate(context: vscode.ExtensionContext): DossierApi {
  const status = new DossierStatus();
  const workspace = new WorkspaceIndex(status);
  const timeline = registerTimelineView(workspace);
  const entities = registerEntitiesView(workspace);
  const colouring = new EntityColouring(workspace);
  context.subscriptions.push(
    status,
    workspace,
    colouring,
    ...timeline.disposables,
    ...entities.disposables,
    registerHover(workspace, SELECTOR),
    ...registerNavigation(workspace, SELECTOR),
    ...registerSymbols(workspace, SELECTOR),
    ...registerCommands(workspace, timeline.provider, timeline.view),
  );
  void vscode.commands.executeCommand('setContext', 'dossier.timelineFiltered', false);
  void workspace.rebuild(true);
  return { workspace, timeline: timeline.provider, timelineView: timeline.view, entities: entities.provider, colouring };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
