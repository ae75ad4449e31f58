// Timeline navigation in the extension host (seed workspace): newest first, Go to Date…, the
// "during" node, and an undated document dated through Set Document Date… (.dossier/dates.csv).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../../src/extension';
import type { PeriodNode, TimelineNode } from '../../../src/extension/timelineView';
import { eventually, seedsAndApi } from './helpers';

describe('Timeline navigation (seed articles)', function () {
  let api: DossierApi;
  let folder: vscode.WorkspaceFolder;

  before(async function () {
    api = (await seedsAndApi(this)).api;
    folder = vscode.workspace.workspaceFolders![0];
  });

  const topValues = (): string[] =>
    api.timeline.getChildren().flatMap((n: TimelineNode) => (n.kind === 'undated' ? [] : [(n as PeriodNode).value]));

  it('shows newest first and back', async function () {
    const oldest = topValues();
    assert.ok(oldest.length >= 2, `top-level periods: ${oldest.join(', ')}`);
    await vscode.commands.executeCommand('dossier.timelineNewestFirst');
    assert.deepStrictEqual(topValues(), [...oldest].reverse());
    await vscode.commands.executeCommand('dossier.timelineOldestFirst');
    assert.deepStrictEqual(topValues(), oldest);
  });

  it('Go to Date reveals the day, or the closest period shown', async function () {
    await vscode.commands.executeCommand('dossier.goToDate', '2026-01-15');
    const selected = await eventually('a selection', async () => api.timelineView.selection[0]);
    assert.strictEqual((selected as PeriodNode).value, '2026-01-15');
    await vscode.commands.executeCommand('dossier.goToDate', '2026-01-02');
    const closest = await eventually('the month selected', async () => {
      const s = api.timelineView.selection[0] as PeriodNode | undefined;
      return s && s.value !== '2026-01-15' ? s : undefined;
    });
    assert.ok(['2026-01', '2026-01-02'].includes(closest.value), `selected ${closest.value}`);
  });

  it('puts sentences dated to a whole month or year after its finer periods, under "during"', async function () {
    const periods: PeriodNode[] = [];
    const walk = (nodes: TimelineNode[]) => {
      for (const n of nodes) {
        if (!('children' in n)) continue;
        periods.push(n);
        walk(n.children);
      }
    };
    walk(api.timeline.getChildren());
    const withBoth = periods.find((p) => p.entries.length && p.children.length);
    assert.ok(withBoth, `no period with both finer periods and its own sentences: ${periods.map((p) => p.value).join(', ')}`);
    const children = api.timeline.getChildren(withBoth);
    const last = children[children.length - 1];
    assert.strictEqual(last.kind, 'during');
    assert.match(String(api.timeline.getTreeItem(last).label), /^during /);
    assert.strictEqual(api.timeline.getChildren(last).length, withBoth.entries.length);
    assert.ok(children.slice(0, -1).every((c) => c.kind !== 'entry'), 'entries of the whole period sit only under "during"');
  });

  it('counts an undated document and dates it through Set Document Date', async function () {
    this.timeout(60_000);
    const note = vscode.Uri.joinPath(folder.uri, 'undated-note.txt');
    const sidecar = vscode.Uri.joinPath(folder.uri, '.dossier', 'dates.csv');
    await vscode.workspace.fs.writeFile(note, new TextEncoder().encode('The harbour board met on Thursday to discuss the budget.\n'));
    try {
      const undated = await eventually('the undated node', async () => {
        const node = api.timeline.getChildren().find((n) => n.kind === 'undated');
        return node && api.timeline.getChildren(node).some((d) => d.kind === 'document' && d.path === note.toString()) ? node : undefined;
      });
      assert.match(String(api.timeline.getTreeItem(undated).description), /^\d+$/);
      await vscode.commands.executeCommand('dossier.setDocumentDate', note.toString(), '2026-01-17');
      const analysis = await eventually(
        'the date from the sidecar',
        async () => {
          const a = api.workspace.index.analysis(note.toString());
          return a?.date.source === 'sidecar' ? a : undefined;
        },
        30_000,
      );
      assert.strictEqual(analysis.date.value, '2026-01-17');
      assert.strictEqual(analysis.dates.find((d) => d.text === 'Thursday')?.value, '2026-01-15');
    } finally {
      await vscode.workspace.fs.delete(note).then(undefined, () => undefined);
      await vscode.workspace.fs.delete(sidecar).then(undefined, () => undefined);
    }
  });
});
