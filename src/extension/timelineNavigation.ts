// Moving around the Timeline: newest or oldest first, Go to Date… (a quick input that reveals a
// day, month or other period), and Set Date… for a document without a publication date (a row
// in the folder's .dossier/dates.csv, which the index then follows).
import * as vscode from 'vscode';
import { parseDefaultDate, setSidecarRow, SIDECAR_FILE } from '../core/dateContext';
import { parseIsoDay } from '../core/dates/calendar';
import { granularityOfValue } from '../core/dates/values';
import { toKey, toUri } from './convert';
import { longDate } from './format';
import { DocumentNode, TimelineNode, TimelineTreeProvider } from './timelineView';
import { WorkspaceIndex } from './workspaceIndex';

/** "2004", "2004-03", "2004-03-15", "2004-W11", "2004-Q1": a value the timeline can show. */
function validDateValue(input: string): string | undefined {
  const value = input.trim();
  if (!value) return 'A date: 2004, 2004-03, 2004-03-15, 2004-W11 or 2004-Q1';
  const g = granularityOfValue(value);
  if (!g) return 'Write the date as 2004, 2004-03, 2004-03-15, 2004-W11 or 2004-Q1';
  if (g === 'day' && !parseIsoDay(value)) return 'Not a real day';
  return undefined;
}

async function goToDate(provider: TimelineTreeProvider, view: vscode.TreeView<TimelineNode>, value?: string): Promise<void> {
  value ??= await vscode.window.showInputBox({
    title: 'Dossier: Go to Date',
    prompt: 'Reveal a year, month, day, week or quarter in the timeline',
    placeHolder: '2004-03-15',
    validateInput: validDateValue,
  });
  if (!value || validDateValue(value)) return;
  value = value.trim();
  const node = provider.closestPeriod(value);
  if (!node) {
    void vscode.window.showInformationMessage(`Dossier: nothing in the timeline is dated in ${longDate(value)}.`);
    return;
  }
  if (node.value !== value) void vscode.window.setStatusBarMessage(`Dossier: nothing dated ${value}; showing ${node.value}`, 4000);
  await vscode.commands.executeCommand('dossier.timeline.focus');
  await view.reveal(node, { select: true, focus: true, expand: true });
}

/** Writes `date` for the document into its folder's sidecar table. */
async function setDocumentDate(workspace: WorkspaceIndex, key: string | undefined, date?: string): Promise<void> {
  if (!key) {
    void vscode.window.showInformationMessage('Dossier: open a document (or pick one under Undated documents) to set its date.');
    return;
  }
  const uri = toUri(key);
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showErrorMessage(`Dossier: ${uri.fsPath} is outside the workspace folders, so it has no ${SIDECAR_FILE}.`);
    return;
  }
  date ??= await vscode.window.showInputBox({
    title: `Dossier: Set Date of ${uri.path.split('/').pop()}`,
    prompt: `Publication date, saved in ${SIDECAR_FILE}`,
    placeHolder: 'YYYY-MM-DD',
    value: workspace.index.analysis(key)?.date.value,
    validateInput: (v) => parseDefaultDate(v).problem ?? (v.trim() ? undefined : 'YYYY-MM-DD'),
  });
  const day = date === undefined ? undefined : parseDefaultDate(date.trim()).value;
  if (!day) return;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  const relative = decodeURIComponent(uri.path.slice(base.length));
  const file = vscode.Uri.joinPath(folder.uri, ...SIDECAR_FILE.split('/'));
  let text: string | undefined;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
  } catch {
    text = undefined;
  }
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(folder.uri, SIDECAR_FILE.split('/')[0]));
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(setSidecarRow(text, relative, day)));
  workspace.log.info(`${relative}: publication date ${day} written to ${SIDECAR_FILE}`);
}

export function registerTimelineNavigation(
  workspace: WorkspaceIndex,
  provider: TimelineTreeProvider,
  view: vscode.TreeView<TimelineNode>,
): vscode.Disposable[] {
  void vscode.commands.executeCommand('setContext', 'dossier.timelineNewestFirst', false);
  return [
    vscode.commands.registerCommand('dossier.timelineNewestFirst', () => provider.setNewestFirst(true)),
    vscode.commands.registerCommand('dossier.timelineOldestFirst', () => provider.setNewestFirst(false)),
    // From the view's title bar the argument is not a date: ask for one then.
    vscode.commands.registerCommand('dossier.goToDate', (value?: unknown) => goToDate(provider, view, typeof value === 'string' ? value : undefined)),
    vscode.commands.registerCommand('dossier.setDocumentDate', (arg?: DocumentNode | vscode.Uri | string, date?: unknown) => {
      const editor = vscode.window.activeTextEditor;
      const key = typeof arg === 'string' ? arg : arg instanceof vscode.Uri ? toKey(arg) : arg?.kind === 'document' ? arg.path : editor && toKey(editor.document.uri);
      return setDocumentDate(workspace, key, typeof date === 'string' ? date : undefined);
    }),
  ];
}
