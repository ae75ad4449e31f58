// Dossier's entry point: only wiring. Each feature lives in src/extension/<feature>.ts and
// registers itself; analysis lives in src/core/ and never sees `vscode`.
import * as path from 'path';
import * as vscode from 'vscode';
import { EntityColouring } from './extension/colouring';
import { registerCommands } from './extension/commands';
import { registerCorrectionCommands } from './extension/correctionCommands';
import { WorkspaceCorrections } from './extension/corrections';
import { EntitiesTreeProvider, registerEntitiesView } from './extension/entitiesView';
import { registerHover } from './extension/hover';
import { EntityNetwork, registerEntityNetwork } from './extension/entityNetwork';
import { registerNavigation } from './extension/navigation';
import { DossierStatus } from './extension/status';
import { registerSymbols } from './extension/symbols';
import { registerTimelineNavigation } from './extension/timelineNavigation';
import { registerTimelineChart, TimelineChart } from './extension/timelineChart';
import { registerTimelineView, TimelineNode, TimelineTreeProvider } from './extension/timelineView';
import { WorkspaceIndex } from './extension/workspaceIndex';
import { registerTeamIndex, TeamIndex } from './extension/teamIndex';

/** What `activate` returns: for other extensions and for the extension-host tests. */
export interface DossierApi {
  workspace: WorkspaceIndex;
  timeline: TimelineTreeProvider;
  timelineView: vscode.TreeView<TimelineNode>;
  entities: EntitiesTreeProvider;
  colouring: EntityColouring;
  corrections: WorkspaceCorrections;
  timelineChart: TimelineChart;
  entityNetwork: EntityNetwork;
  teamIndex: TeamIndex;
}

/** Documents Dossier answers for: anything on disk; providers return nothing for files it did not index. */
const SELECTOR: vscode.DocumentSelector = [{ scheme: 'file' }];

/** The analysis cache lives in the workspace's storage (the global one when no folder is open). */
function analysisCacheDir(context: vscode.ExtensionContext): string | undefined {
  const storage = context.storageUri ?? context.globalStorageUri;
  return storage.scheme === 'file' ? path.join(storage.fsPath, 'analysis-cache') : undefined;
}

export function activate(context: vscode.ExtensionContext): DossierApi {
  const status = new DossierStatus();
  const workspace = new WorkspaceIndex(status, {
    cacheDir: analysisCacheDir(context),
    workerScript: context.asAbsolutePath(path.join('dist', 'analysisWorker.js')),
    workers: vscode.workspace.getConfiguration('dossier').get<number>('workerThreads') || Number(process.env.DOSSIER_TMP_WORKERS) || undefined,
  });
  const timeline = registerTimelineView(workspace);
  const entities = registerEntitiesView(workspace);
  const colouring = new EntityColouring(workspace);
  // Read alongside the first index: entities resolve lazily, so corrections apply whenever they land.
  const corrections = new WorkspaceCorrections(workspace);
  const [timelineChart, ...chartCommands] = registerTimelineChart(workspace, timeline.provider, context.extensionUri);
  const [entityNetwork, ...networkCommands] = registerEntityNetwork(workspace, context.extensionUri);
  // The team index on PostgreSQL, only when `dossier.database.url` is set (its own providers).
  const team = registerTeamIndex(context, workspace, corrections);
  timeline.provider.setTeam(team.team.timeline);
  context.subscriptions.push(
    timelineChart,
    ...chartCommands,
    entityNetwork,
    ...networkCommands,
    corrections,
    status,
    workspace,
    colouring,
    ...timeline.disposables,
    ...entities.disposables,
    registerHover(workspace, SELECTOR),
    ...registerNavigation(workspace, SELECTOR, team.team.answers),
    ...registerSymbols(workspace, SELECTOR),
    ...registerCommands(workspace, timeline.provider, timeline.view),
    ...registerTimelineNavigation(workspace, timeline.provider, timeline.view),
    ...registerCorrectionCommands(workspace, corrections),
    ...team.disposables,
  );
  void vscode.commands.executeCommand('setContext', 'dossier.timelineFiltered', false);
  void workspace.rebuild(true);
  return {
    workspace,
    timeline: timeline.provider,
    timelineView: timeline.view,
    entities: entities.provider,
    colouring,
    corrections,
    timelineChart: timelineChart as TimelineChart,
    entityNetwork: entityNetwork as EntityNetwork,
    teamIndex: team.team,
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
