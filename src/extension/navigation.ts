// Moving between sources: definition (the first mention in each other document, by date),
// references (every mention), highlights (this document's mentions), Next/Previous Source (with
// the team index's documents when one is online).
import * as vscode from 'vscode';
import { DatedPath, neighbourSource } from '../core/db';
import { MentionRef } from '../core/types';
import { toKey, toLocation, toVsRange } from './convert';
import { corpusPath, TeamAnswers } from './teamIndex/answers';
import { teamPathOf } from './teamIndex/documents';
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

/** A document Next/Previous Source can go to, placed in the chronology by corpus path. */
interface Stop extends DatedPath {
  open(): Thenable<unknown>;
}

/** The workspace's documents about the target, each with its first mention of it. */
function localStops(workspace: WorkspaceIndex, target: Target): Stop[] {
  const index = workspace.index;
  const firsts: { path: string; range: MentionRef['range'] }[] = [];
  if (target.kind === 'entity') firsts.push(...index.firstMentionPerDocument(target.id));
  else {
    const seen = new Set<string>();
    for (const d of index.sameDateMentions(target.value)) if (!seen.has(d.path)) seen.add(d.path) && firsts.push(d);
  }
  return firsts.map((ref) => {
    const location = toLocation(ref);
    return {
      path: corpusPath(location.uri) ?? ref.path,
      published: index.analysis(ref.path)?.date.value,
      open: () => vscode.window.showTextDocument(location.uri, { selection: location.range, preview: false }),
    };
  });
}

/**
 * Opens the first mention of the entity or date at the cursor in the chronologically next (+1) or
 * previous (-1) document: the workspace's, and with a team index online the one of its documents
 * the workspace lacks that comes next (opening read-only as a `dossier:` document).
 */
export async function jumpToSource(workspace: WorkspaceIndex, direction: 1 | -1, team?: TeamAnswers): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return;
  const { document } = editor;
  const local = targetAt(workspace, document, editor.selection.active);
  const teamTarget = team ? await team.targetAt(document, editor.selection.active) : undefined;
  if (!local && !teamTarget) {
    void vscode.window.setStatusBarMessage('Dossier: no person, organization, place or date under the cursor', 3000);
    return;
  }
  const stored = teamPathOf(document.uri);
  const key = toKey(document.uri);
  const here: DatedPath & { local?: boolean } = stored
    ? { path: stored.path }
    : { path: corpusPath(document.uri) ?? key, published: workspace.index.analysis(key)?.date.value, local: true };
  const stops = local ? localStops(workspace, local) : [];
  const fromTeam = team && teamTarget ? await team.neighbour(document, teamTarget, here, direction) : undefined;
  if (fromTeam) {
    stops.push({
      ...fromTeam,
      open: async () => {
        const opened = await vscode.workspace.openTextDocument(team!.uriOf(fromTeam.path));
        const selection = new vscode.Selection(opened.positionAt(fromTeam.start), opened.positionAt(fromTeam.end));
        return vscode.window.showTextDocument(opened, { selection, preview: false });
      },
    });
  }
  const next = neighbourSource(stops, here, direction);
  if (!next) {
    const name = local?.kind === 'entity' ? (workspace.index.entity(local.id)?.name ?? local.mention.text) : document.getText(document.getWordRangeAtPosition(editor.selection.active));
    void vscode.window.setStatusBarMessage(`Dossier: no ${direction > 0 ? 'later' : 'earlier'} source mentions ${name}`, 3000);
    return;
  }
  await next.open();
}

/** `team`: the team index's answers, whose documents Next/Previous Source also visits. */
export function registerNavigation(workspace: WorkspaceIndex, selector: vscode.DocumentSelector, team?: TeamAnswers): vscode.Disposable[] {
  return [
    vscode.languages.registerDefinitionProvider(selector, new DossierDefinitionProvider(workspace)),
    vscode.languages.registerReferenceProvider(selector, new DossierReferenceProvider(workspace)),
    vscode.languages.registerDocumentHighlightProvider(selector, new DossierHighlightProvider(workspace)),
    vscode.commands.registerCommand('dossier.nextSource', () => jumpToSource(workspace, 1, team)),
    vscode.commands.registerCommand('dossier.previousSource', () => jumpToSource(workspace, -1, team)),
  ];
}
