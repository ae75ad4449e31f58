// Each export format checked with the tooling of the tools that read it.
import * as assert from 'assert';
import * as path from 'path';
import { defaultModel, Model } from '@alephdata/followthemoney';
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { CorpusIndex } from '../../src/core/corpusIndex';
import { exportFormat } from '../../src/core/exports';
import { exportFtm, FtmEntity } from '../../src/core/exports/ftm';
import { exportGexf } from '../../src/core/exports/gexf';
import { exportGraphml } from '../../src/core/exports/graphml';
import { exportTimelineJs } from '../../src/core/exports/timelinejs';
import { loadFolder } from '../../src/core/folder';
import { buildNetwork, CoMentionNetwork } from '../../src/core/network';
import { repoRoot } from './sharedCorpora';

const samples = path.join(repoRoot, 'samples');

describe('exports for other tools', function () {
  this.timeout(60000);
  let index: CorpusIndex;
  let network: CoMentionNetwork;
  before(() => {
    index = loadFolder(samples).index;
    network = buildNetwork(index);
    assert.ok(network.edges.length > 10, 'the samples should give a network');
  });

  describe('FollowTheMoney (checked against @alephdata/followthemoney)', () => {
    let entities: FtmEntity[];
    before(() => {
      entities = exportFtm(index).trimEnd().split('\n').map((line) => JSON.parse(line) as FtmEntity);
    });

    it('uses only schemata and properties of the FtM model, with their required properties', () => {
      const model = new Model(defaultModel);
      for (const raw of entities) {
        const schema = model.getSchema(raw.schema);
        assert.ok(!schema.abstract, `${raw.schema} is abstract`);
        for (const [name, values] of Object.entries(raw.properties)) {
          assert.ok(schema.hasProperty(name), `${raw.schema} has no property ${name}`);
          assert.ok(Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'string' && v.length > 0), `${raw.schema}.${name}`);
        }
        for (const name of schema.required) assert.ok(raw.properties[name]?.length, `${raw.schema} ${raw.id} lacks required ${name}`);
        // The model reads it back with every value in place.
        const entity = model.getEntity(raw);
        assert.strictEqual(entity.getProperties().length, Object.keys(raw.properties).length);
      }
      const schemata = new Set(entities.map((e) => e.schema));
      for (const s of ['Person', 'Organization', 'Address', 'Mention', 'Documentation']) assert.ok(schemata.has(s), `no ${s}`);
      assert.ok(schemata.has('Article') || schemata.has('PlainText'));
    });

    it('resolves every entity reference to an entity of the range the property expects', () => {
      const model = new Model(defaultModel);
      const byId = new Map(entities.map((e) => [e.id, e]));
      assert.strictEqual(byId.size, entities.length, 'ids are unique');
      let references = 0;
      for (const raw of entities) {
        const schema = model.getSchema(raw.schema);
        for (const [name, values] of Object.entries(raw.properties)) {
          const property = schema.getProperty(name);
          if (property.type.name !== 'entity') continue;
          for (const id of values) {
            const target = byId.get(id);
            assert.ok(target, `${raw.schema}.${name} points to missing ${id}`);
            assert.ok(model.getSchema(target.schema).isA(property.getRange()), `${raw.schema}.${name} → ${target.schema}`);
            references++;
          }
        }
      }
      const links = entities.filter((e) => e.schema === 'Mention' || e.schema === 'Documentation').length;
      assert.strictEqual(references, links * 2, 'each link joins one document and one entity');
    });

    it('gives the same ids on every run, from names and paths', () => {
      assert.strictEqual(exportFtm(loadFolder(samples).index), exportFtm(index));
      const herald = entities.find((e) => e.properties.fileName?.[0] === 'herald-port-strike.txt');
      assert.ok(herald, 'the herald article is a document');
      assert.strictEqual(herald.schema, 'Article');
      assert.deepStrictEqual(herald.properties.publishedAt, [index.analysis('herald-port-strike.txt')!.date.value]);
    });
  });

  it('GraphML parses back with graphology-graphml to the same network', () => {
    const graph = parseGraphml(Graph, exportGraphml(network));
    assert.strictEqual(graph.order, network.nodes.length);
    assert.strictEqual(graph.size, network.edges.length);
    for (const n of network.nodes) {
      assert.deepStrictEqual(graph.getNodeAttributes(n.id), { label: n.name, type: n.type, mentions: n.mentions, documents: n.documents });
    }
    for (const e of network.edges) {
      const attributes = graph.getEdgeAttributes(graph.edge(e.source, e.target));
      assert.deepStrictEqual([attributes.weight, attributes.documents], [e.weight, e.documents]);
    }
  });

  it('GEXF parses back with graphology-gexf to the same network', () => {
    const graph = parseGexf(Graph, exportGexf(network));
    assert.strictEqual(graph.type, 'undirected');
    assert.strictEqual(graph.order, network.nodes.length);
    assert.strictEqual(graph.size, network.edges.length);
    for (const n of network.nodes) {
      const a = graph.getNodeAttributes(n.id);
      assert.deepStrictEqual([a.label, a.type, a.mentions, a.documents], [n.name, n.type, n.mentions, n.documents]);
      assert.match(String(a.color), /^rgb\(/);
    }
    for (const e of network.edges) assert.strictEqual(graph.getEdgeAttribute(graph.edge(e.source, e.target), 'weight'), e.weight);
  });

  it('escapes names that are not plain XML text', () => {
    const odd: CoMentionNetwork = {
      scope: 'sentence',
      nodes: [
        { id: 'organization:a-b', name: 'Smith & "Sons" <Ltd>', type: 'organization', mentions: 2, documents: 1 },
        { id: 'person:o-neil', name: "O'Neil\u0001", type: 'person', mentions: 1, documents: 1 },
      ],
      edges: [{ source: 'organization:a-b', target: 'person:o-neil', weight: 1, documents: 1 }],
    };
    assert.strictEqual(parseGraphml(Graph, exportGraphml(odd)).getNodeAttribute('organization:a-b', 'label'), 'Smith & "Sons" <Ltd>');
    assert.strictEqual(parseGexf(Graph, exportGexf(odd)).getNodeAttribute('person:o-neil', 'label'), "O'Neil");
  });

  it('TimelineJS follows the documented JSON structure, each slide with its sources', () => {
    const doc = JSON.parse(exportTimelineJs(index));
    assertTimelineJs(doc);
    const days = index.timeline();
    assert.strictEqual(doc.events.length, days.length);
    days.forEach((day, i) => {
      const slide = doc.events[i];
      const sources = new Set(day.entries.map((e) => e.path)).size;
      assert.match(slide.text.headline, new RegExp(`${sources} sources?$`));
      for (const entry of day.entries) assert.ok(slide.text.text.includes(`<cite>${entry.path}:${entry.position.line + 1}</cite>`));
    });
  });

  it('every format has a name the CLI and the Export command accept', () => {
    for (const name of ['json', 'md', 'csv', 'ftm', 'graphml', 'gexf', 'timelinejs']) assert.ok([...(exportFormat(name)?.chunks(index) ?? [])].join('').length, name);
  });
});

/**
 * The TimelineJS JSON format (timeline.knightlab.com/docs/json-format.html): `events` is an array
 * of slides; each has a `start_date` with a `year` and, optionally, `month` 1–12, `day` 1–31 (a day
 * only with a month); `text` has string `headline` and `text`; `unique_id`s are unique strings;
 * `group` is a string; an optional `title` slide has no date.
 */
function assertTimelineJs(doc: unknown): void {
  const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
  const int = (x: unknown) => (typeof x === 'number' || (typeof x === 'string' && /^-?\d+$/.test(x))) && Number.isInteger(Number(x));
  assert.ok(isObject(doc) && Array.isArray(doc.events) && doc.events.length > 0, 'events array');
  const slideKeys = new Set(['start_date', 'end_date', 'text', 'media', 'group', 'display_date', 'background', 'autolink', 'unique_id']);
  const dateKeys = new Set(['year', 'month', 'day', 'hour', 'minute', 'second', 'millisecond', 'display_date']);
  const ids = new Set<string>();
  for (const slide of doc.events as unknown[]) {
    assert.ok(isObject(slide), 'slide is an object');
    for (const k of Object.keys(slide)) assert.ok(slideKeys.has(k), `unknown slide key ${k}`);
    const date = slide.start_date;
    assert.ok(isObject(date) && int(date.year), 'start_date.year');
    for (const k of Object.keys(date)) assert.ok(dateKeys.has(k), `unknown date key ${k}`);
    if (date.month !== undefined) assert.ok(int(date.month) && Number(date.month) >= 1 && Number(date.month) <= 12, 'month');
    if (date.day !== undefined) assert.ok(date.month !== undefined && int(date.day) && Number(date.day) >= 1 && Number(date.day) <= 31, 'day');
    assert.ok(isObject(slide.text) && typeof slide.text.headline === 'string' && typeof slide.text.text === 'string', 'text');
    if (slide.group !== undefined) assert.strictEqual(typeof slide.group, 'string');
    assert.ok(typeof slide.unique_id === 'string' && !ids.has(slide.unique_id), 'unique_id');
    ids.add(slide.unique_id as string);
  }
  if (doc.title !== undefined) assert.ok(isObject(doc.title) && doc.title.start_date === undefined, 'title has no date');
}
