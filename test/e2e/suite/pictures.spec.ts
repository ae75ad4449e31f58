// The timeline chart's and the entity network's data as the host computes them, and the exports
// for other tools through the Export command, in the real extension host on the seed articles.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DossierApi } from '../../../src/extension';
import { DEFAULT_QUERY } from '../../../src/webviews/entityNetwork/protocol';
import { seedsAndApi } from './helpers';

describe('Pictures: timeline chart, entity network, exports (seed articles)', function () {
  let api: DossierApi;

  before(async function () {
    ({ api } = await seedsAndApi(this));
  });

  afterEach(() => api.timeline.setFilter(undefined));

  it('the chart shows every timeline entry, and only the filtered ones when the timeline is filtered', () => {
    const all = api.timelineChart.data();
    const entries = api.workspace.index.timeline().reduce((n, day) => n + day.entries.length, 0);
    assert.strictEqual(all.events.length, entries);
    assert.strictEqual(all.filter, undefined);
    const ratcliffe = api.workspace.index.searchEntities('Ratcliffe')[0];
    assert.ok(ratcliffe, 'Ratcliffe is an entity');
    api.timeline.setFilter(ratcliffe.id);
    const filtered = api.timelineChart.data();
    assert.strictEqual(filtered.filter?.id, ratcliffe.id);
    assert.ok(filtered.events.length > 0 && filtered.events.length < all.events.length);
    assert.ok(filtered.events.every((e) => e.entities.some((i) => filtered.entities[i].id === ratcliffe.id)));
    assert.ok(filtered.generation > all.generation);
  });

  it('the network draws the top N entities by degree, of the chosen types', () => {
    const graph = api.entityNetwork.graph({ ...DEFAULT_QUERY, top: 5 });
    assert.strictEqual(graph.nodes.length, 5);
    assert.ok(graph.available > 5);
    const ids = new Set(graph.nodes.map((n) => n.id));
    assert.ok(graph.edges.length > 0 && graph.edges.every((e) => ids.has(e.source) && ids.has(e.target)));
    const people = api.entityNetwork.graph({ ...DEFAULT_QUERY, types: ['person'] });
    assert.ok(people.nodes.length > 0 && people.nodes.every((n) => n.type === 'person'));
    const byDocument = api.entityNetwork.graph({ ...DEFAULT_QUERY, scope: 'document', top: 1000 });
    const bySentence = api.entityNetwork.graph({ ...DEFAULT_QUERY, top: 1000 });
    assert.ok(byDocument.edges.length > bySentence.edges.length, 'a document links more pairs than its sentences');
    const none = api.entityNetwork.graph({ ...DEFAULT_QUERY, from: '2999-01-01' });
    assert.strictEqual(none.nodes.length, 0);
  });

  it('Export… writes FtM, GraphML, GEXF and TimelineJS with workspace-relative paths', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const read = async (format: string) => {
      const target = vscode.Uri.joinPath(folder, `.dossier-test-export.${format}`);
      await vscode.commands.executeCommand('dossier.export', { format, target: target.toString() });
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      await vscode.workspace.fs.delete(target);
      return text;
    };
    const ftm = (await read('ftm')).trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.ok(ftm.some((e) => e.schema === 'Article' && /^001_[0-9a-f]+\.txt$/.test(e.properties.fileName[0])));
    assert.ok(ftm.some((e) => e.schema === 'Person' && /Ratcliffe/.test(e.properties.name[0])));
    assert.match(await read('graphml'), /<graphml [^]*<edge /);
    assert.match(await read('gexf'), /<gexf [^]*<edge /);
    const timeline = JSON.parse(await read('timelinejs'));
    assert.ok(timeline.events.some((e: { text: { text: string } }) => /<cite>001_[0-9a-f]+\.txt:\d+<\/cite>/.test(e.text.text)));
  });
});
