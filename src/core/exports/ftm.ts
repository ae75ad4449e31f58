// FollowTheMoney entities as line-delimited JSON, the form `alephclient write-entities` and
// `ftm` read. Documents are `Article`s when they carry a publication date and `PlainText`
// otherwise; people are `Person`, organizations `Organization`, places `Address`. A person or
// organization is linked to each document naming it by a `Mention` (what Aleph's own name
// recognition writes), a place by a `Documentation`, because `Mention.resolved` accepts only
// legal entities (docs/EXPORTS-TOOLS.md).
import { contentHash } from '../hash';
import { CorpusIndex } from '../corpusIndex';
import { EntityType } from '../types';
import { PathMapper } from '../export';

export interface FtmEntity {
  id: string;
  schema: string;
  properties: Record<string, string[]>;
}

const SCHEMA_OF_TYPE: Record<EntityType, string> = {
  person: 'Person',
  organization: 'Organization',
  place: 'Address',
};

/**
 * A stable id: the same document path or entity id always gives the same FtM id, so a second
 * upload to the same Aleph collection updates entities instead of duplicating them.
 */
export function ftmId(kind: 'document' | 'entity' | 'mention' | 'documentation', key: string): string {
  return contentHash(`dossier:${kind}:${key}`);
}

/** The first non-empty line, without Markdown heading marks: what Aleph shows as the title. */
function titleOf(text: string): string | undefined {
  const line = text.split(/\r\n|\r|\n/).map((l) => l.replace(/^#+\s*/, '').trim()).find((l) => l.length > 0);
  return line && line.length > 200 ? line.slice(0, 199) + '…' : line;
}

/** Document properties Aleph fills from its own name recognition, used for cross-referencing. */
const MENTIONED_PROPERTY: Record<EntityType, string> = {
  person: 'peopleMentioned',
  organization: 'companiesMentioned',
  place: 'locationMentioned',
};

/** Per document, the names of the entities of each type it mentions (canonical names, sorted). */
function namesByDocument(index: CorpusIndex): Map<string, Record<string, string[]>> {
  const out = new Map<string, Record<string, Set<string>>>();
  for (const entity of index.entities()) {
    for (const path of entity.documents) {
      let byProperty = out.get(path);
      if (!byProperty) out.set(path, (byProperty = {}));
      (byProperty[MENTIONED_PROPERTY[entity.type]] ??= new Set()).add(entity.name);
    }
  }
  return new Map([...out].map(([path, byProperty]) => [path, Object.fromEntries(Object.entries(byProperty).map(([k, v]) => [k, [...v].sort()]))]));
}

export function* ftmEntities(index: CorpusIndex, toRelative: PathMapper = (p) => p): Generator<FtmEntity> {
  const documentIds = new Map<string, string>();
  const mentioned = namesByDocument(index);
  for (const path of index.paths()) {
    const analysis = index.analysis(path)!;
    const text = index.text(path) ?? '';
    const fileName = toRelative(path);
    const id = ftmId('document', fileName);
    documentIds.set(path, id);
    const properties: Record<string, string[]> = {
      fileName: [fileName],
      mimeType: [/\.(md|markdown)$/i.test(path) ? 'text/markdown' : 'text/plain'],
      bodyText: [text],
    };
    Object.assign(properties, mentioned.get(path));
    const title = titleOf(text);
    if (title) properties.title = [title];
    const dated = analysis.date.value && analysis.date.source !== 'inferred';
    if (dated) properties.publishedAt = [analysis.date.value!];
    yield { id, schema: dated ? 'Article' : 'PlainText', properties };
  }
  for (const entity of index.entities()) {
    const schema = SCHEMA_OF_TYPE[entity.type];
    const id = ftmId('entity', entity.id);
    const properties: Record<string, string[]> = { name: [entity.name] };
    if (entity.aliases.length) properties.alias = entity.aliases;
    // An Address is shown and matched by its full form.
    if (schema === 'Address') properties.full = [entity.name];
    yield { id, schema, properties };
    const forms = new Map<string, Set<string>>();
    for (const m of entity.mentions) {
      let set = forms.get(m.path);
      if (!set) forms.set(m.path, (set = new Set()));
      set.add(m.text.replace(/\s+/g, ' '));
    }
    for (const [path, names] of forms) {
      const link = `${entity.id}\t${toRelative(path)}`;
      const document = [documentIds.get(path)!];
      yield schema === 'Address'
        ? { id: ftmId('documentation', link), schema: 'Documentation', properties: { document, entity: [id], role: ['mentioned'] } }
        : { id: ftmId('mention', link), schema: 'Mention', properties: { document, resolved: [id], name: [...names].sort(), detectedSchema: [schema] } };
    }
  }
}

export function exportFtm(index: CorpusIndex, toRelative?: PathMapper): string {
  const lines: string[] = [];
  for (const entity of ftmEntities(index, toRelative)) lines.push(JSON.stringify(entity));
  return lines.join('\n') + '\n';
}
