// Dossier's commands: rebuild, export, timeline filter, reveal, open a mention, show references.
import * as vscode from 'vscode';
import { EXPORT_FORMATS } from '../core/exports';
import { Entity } from '../core/types';
import { OpenMentionArgs, relativePath, toKey, toLocation, toUri, toVsRange } from './convert';
import { EntitiesNode } from './entitiesView';
import { plural } from './format';
import { revealInTimeline, TimelineNode, TimelineTreeProvider } from './timelineView';
import { WorkspaceIndex } from './workspaceIndex';

/** Entity id from a command argument: an id, an Entities-view node, or nothing (ask / use the cursor). */
function entityIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  const node = arg as EntitiesNode | undefined;
  return node && 'entity' in node ? node.entity.id : undefined;
}

export function entityUnderCursor(workspace: WorkspaceIndex): Entity | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  return workspace.lookupAt(editor.document, editor.selection.active)?.entity?.entity;
}

export async function pickEntity(
  workspace: WorkspaceIndex,
  placeHolder: string,
  exclude?: string,
  /** Higher first (stable: equal ranks keep the most-mentioned-first order). */
  rank?: (e: Entity) => number,
): Promise<Entity | undefined> {
  const current = entityUnderCursor(workspace);
  let entities = workspace.index.entities().filter((e) => e.id !== exclude);
  if (rank) {
    const score = new Map(entities.map((e) => [e, rank(e)]));
    entities = [...entities].sort((a, b) => score.get(b)! - score.get(a)!);
  }
  const items = entities.map((e) => ({
    label: e.name,
    description: `${e.type} · ${plural(e.mentionCount, 'mention')} in ${plural(e.documents.length, 'document')}`,
    detail: e.aliases.length ? `also: ${e.aliases.join(', ')}` : undefined,
    entity: e,
  }));
  if (current && !rank) {
    const i = items.findIndex((it) => it.entity.id === current.id);
    if (i > 0) items.unshift(...items.splice(i, 1));
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder, matchOnDescription: true, matchOnDetail: true });
  return picked?.entity;
}

export function registerCommands(
  workspace: WorkspaceIndex,
  timeline: TimelineTreeProvider,
  timelineView: vscode.TreeView<TimelineNode>,
): vscode.Disposable[] {
  const showTimelineFiltered = async (entityId: string) => {
    timeline.setFilter(entityId);
    await vscode.commands.executeCommand('dossier.timeline.focus');
  };
  return [
    // Scripts and tests may pass { cache: false } to analyze every document again. Progress shows
    // in Dossier's own status-bar item: a window progress would add a second one.
    vscode.commands.registerCommand('dossier.rebuildIndex', (options?: { cache?: boolean }) => workspace.rebuild({ cache: options?.cache !== false })),

    // Interactive from the palette; scripts and tests may pass { format: a --format name of the CLI, target: uri string }.
    vscode.commands.registerCommand('dossier.export', async (options?: { format?: string; target?: string }) => {
      await workspace.whenReady();
      const given = EXPORT_FORMATS.find((e) => e.name === options?.format);
      const format = given ?? (await vscode.window.showQuickPick([...EXPORT_FORMATS], { placeHolder: 'Export the Dossier index as…' }));
      if (!format) return undefined;
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = options?.target
        ? vscode.Uri.parse(options.target)
        : await vscode.window.showSaveDialog({
            defaultUri: folder ? vscode.Uri.joinPath(folder, `dossier-export.${format.ext}`) : undefined,
            // Save dialogs filter on the last extension only ("timeline.json" → "json").
            filters: { [format.label]: [format.ext.split('.').pop()!] },
            saveLabel: 'Export',
          });
      if (!target) return undefined;
      const text = [...format.chunks(workspace.index, relativePath)].join('');
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      workspace.log.info(`Exported ${plural(workspace.index.size, 'document')} as ${format.label} to ${target.fsPath}`);
      if (!options?.target) {
        const open = await vscode.window.showInformationMessage(
          `Dossier: exported ${plural(workspace.index.size, 'document')} to ${vscode.workspace.asRelativePath(target)}`,
          'Open',
        );
        if (open) await vscode.window.showTextDocument(target);
      }
      return target.toString();
    }),

    vscode.commands.registerCommand('dossier.filterTimeline', async (arg?: unknown) => {
      const id = entityIdOf(arg) ?? (await pickEntity(workspace, 'Show only the timeline entries that mention…'))?.id;
      if (id) await showTimelineFiltered(id);
    }),

    vscode.commands.registerCommand('dossier.showOnTimeline', async (arg?: unknown) => {
      const id = entityIdOf(arg) ?? entityUnderCursor(workspace)?.id;
      if (id) await showTimelineFiltered(id);
    }),

    vscode.commands.registerCommand('dossier.clearTimelineFilter', () => timeline.setFilter(undefined)),

    vscode.commands.registerCommand('dossier.revealInTimeline', (target?: { key: string; offset: number }) =>
      revealInTimeline(workspace, timeline, timelineView, target && typeof target.key === 'string' ? target : undefined),
    ),

    vscode.commands.registerCommand('dossier.openMention', async (args: OpenMentionArgs) => {
      if (!args || typeof args.key !== 'string') return;
      const range = toVsRange({ start: args.start, end: args.end });
      await vscode.window.showTextDocument(toUri(args.key), { selection: range, preview: true });
    }),

    vscode.commands.registerCommand('dossier.showReferences', async (arg?: unknown) => {
      const id = entityIdOf(arg) ?? entityUnderCursor(workspace)?.id;
      const entity = id ? workspace.index.entity(id) : undefined;
      if (!entity) return;
      const locations = entity.mentions.map(toLocation);
      const editor = vscode.window.activeTextEditor;
      const key = editor && toKey(editor.document.uri);
      // Peek from a mention in the active editor when there is one, else from the first source.
      const anchor = entity.mentions.find((m) => m.path === key) ?? workspace.index.firstMentionPerDocument(entity.id)[0];
      if (!anchor) return;
      const at = toLocation(anchor);
      if (anchor.path !== key) await vscode.window.showTextDocument(at.uri, { selection: at.range });
      await vscode.commands.executeCommand('editor.action.showReferences', at.uri, at.range.start, locations);
    }),

    vscode.commands.registerCommand('dossier.showOutput', () => workspace.log.show()),
  ];
}
