// Cross-document identity and the entity failure classes a reader notices first: bare surnames,
// wrong merges, junk names, types, split names. All text is invented for these tests.
import * as assert from 'assert';
import { aliasKey } from '../../src/core/aliasKey';
import { resolveEntities, type EntityCluster } from '../../src/core/aliases';
import { parseCorrections } from '../../src/core/corrections';
import { findEntityMentions } from '../../src/core/entities';
import { mentionsDoc as doc } from './placedMentions';

function clusterOf(clusters: EntityCluster[], surface: string, path?: string): EntityCluster | undefined {
  return clusters.find((c) => c.members.some((m) => m.mention.text === surface && (path === undefined || m.path === path)));
}

function analyzed(docs: Record<string, string>) {
  return Object.entries(docs).map(([path, text]) => ({ path, entities: findEntityMentions(text) }));
}

describe('cross-document identity', () => {
  it('joins a bare surname to the full name that dominates it, though others share the surname', () => {
    const docs = [];
    for (let i = 0; i < 6; i++) docs.push(doc(`full${i}`, [['Fergal Halloran', 'person']]));
    docs.push(doc('wife', [['Maeve Halloran', 'person']]), doc('chief', [['Dermot Halloran', 'person']]));
    for (let i = 0; i < 5; i++) docs.push(doc(`bare${i}`, [['Halloran', 'person']]));
    const clusters = resolveEntities(docs);
    const fergal = clusterOf(clusters, 'Fergal Halloran')!;
    assert.strictEqual(clusterOf(clusters, 'Halloran'), fergal);
    assert.deepStrictEqual(fergal.ambiguousWith, ['Dermot Halloran', 'Maeve Halloran'], 'the hover lists who else it could be');
    assert.notStrictEqual(clusterOf(clusters, 'Maeve Halloran'), fergal);
  });

  it('never lets a full name written once absorb a bare surname used everywhere else', () => {
    const docs = [doc('once', [['Jebediah Crane', 'person']])];
    for (let i = 0; i < 20; i++) docs.push(doc(`d${i}`, [['Crane', 'person']]));
    const clusters = resolveEntities(docs);
    assert.notStrictEqual(clusterOf(clusters, 'Crane'), clusterOf(clusters, 'Jebediah Crane'));
  });

  it('inside one document, links a surname by honorific to the right person', () => {
    const text =
      'Michael Halloran and his wife Sarah Halloran arrived in Dunmore on Tuesday. Mr Halloran spoke first. ' +
      'Later Mrs Halloran thanked the volunteers.';
    const ms = findEntityMentions(text);
    const bare = ms.filter((m) => m.text === 'Halloran');
    assert.deepStrictEqual(bare.map((m) => m.refersTo), ['Michael Halloran', 'Sarah Halloran']);
    const clusters = resolveEntities(analyzed({ a: text, b: 'Halloran said on Friday he would stay in Dunmore.' }));
    const mrs = clusters.find((c) => c.members.some((m) => m.mention.start === bare[1].start && m.path === 'a'))!;
    assert.strictEqual(mrs.name, 'Sarah Halloran');
  });

  it('keeps a monarch apart from a namesake ("King Faisal" is not "Omar Faisal")', () => {
    const clusters = resolveEntities(
      analyzed({
        a: 'King Faisal received the envoys in the palace. Faisal said the talks were useful.',
        b: 'Omar Faisal, the opposition leader, was arrested in Karbela. Faisal denied the charges.',
      }),
    );
    const king = clusterOf(clusters, 'Faisal', 'a')!;
    const omar = clusterOf(clusters, 'Omar Faisal')!;
    assert.notStrictEqual(king, omar);
    assert.strictEqual(king.name, 'King Faisal');
  });

  it('does not join an ordinary word to a company it begins ("The World" is not the World Bank)', () => {
    const clusters = resolveEntities([
      doc('a', [['World Bank', 'organization']]),
      doc('b', [['World', 'organization']]),
    ]);
    assert.notStrictEqual(clusterOf(clusters, 'World'), clusterOf(clusters, 'World Bank'));
  });

  it('joins party nicknames and short forms to their full names', () => {
    assert.strictEqual(aliasKey('Lib Dems'), aliasKey('Liberal Democrats'));
    assert.strictEqual(aliasKey('Tories'), aliasKey('Conservative Party'));
    assert.strictEqual(aliasKey('the Conservatives'), aliasKey('Tories'));
    const clusters = resolveEntities([doc('a', [['Lib Dems', 'organization'], ['Tories', 'organization']]), doc('b', [['Liberal Democrats', 'organization']])]);
    const libdems = clusterOf(clusters, 'Lib Dems')!;
    assert.strictEqual(libdems, clusterOf(clusters, 'Liberal Democrats'));
    assert.strictEqual(clusterOf(clusters, 'Tories')!.type, 'organization');
  });

  it('names an entity by its most frequent well-formed full form, never a rare form glued to a neighbour', () => {
    const mentions: [string, 'place'][] = [];
    for (let i = 0; i < 30; i++) mentions.push(['Valmora', 'place']);
    mentions.push(['Talk Valmora', 'place']);
    const corrections = parseCorrections(JSON.stringify({ version: 1, merge: [['Valmora', 'Talk Valmora']] })).corrections;
    const clusters = resolveEntities([doc('a', mentions)], corrections);
    assert.strictEqual(clusterOf(clusters, 'Valmora')!.name, 'Valmora');
    const acronym: [string, 'organization', string?][] = [['Harbour Safety Office', 'organization']];
    for (let i = 0; i < 12; i++) acronym.push(['HSO', 'organization', 'Harbour Safety Office']);
    assert.strictEqual(clusterOf(resolveEntities([doc('b', acronym)]), 'HSO')!.name, 'Harbour Safety Office');
  });

  it('joins a protagonist known by first name across articles to the full name', () => {
    const docs = [];
    // Where the full name is written, the analyzer already links the bare one (refersTo).
    for (let i = 0; i < 3; i++) docs.push(doc(`full${i}`, [['Maddie Lorne', 'person'], ['Maddie', 'person', undefined, 'Maddie Lorne']]));
    for (let i = 0; i < 4; i++) docs.push(doc(`first${i}`, [['Maddie', 'person']]));
    const clusters = resolveEntities(docs);
    assert.strictEqual(clusterOf(clusters, 'Maddie', 'first0'), clusterOf(clusters, 'Maddie Lorne'));
  });

  it('lets the analyst split a surname off a full name even when the document linked them', () => {
    const docs = analyzed({ a: 'Dorian Keswick arrived on Monday. Keswick said little.' });
    const corrections = parseCorrections(JSON.stringify({ version: 1, split: ['Keswick'] })).corrections;
    const clusters = resolveEntities(docs, corrections);
    assert.notStrictEqual(clusterOf(clusters, 'Keswick'), clusterOf(clusters, 'Dorian Keswick'));
    const joined = resolveEntities(docs);
    assert.strictEqual(clusterOf(joined, 'Keswick'), clusterOf(joined, 'Dorian Keswick'));
  });
});

describe('entity types and names a reader expects', () => {
  const typeOf = (text: string, name: string) => findEntityMentions(text).find((m) => m.text === name)?.type;

  it('types a company as an organization even when its name looks like a person\'s', () => {
    const text = 'Shares in Tarrant Wexley rose after Tarrant Wexley said profits grew.';
    assert.strictEqual(typeOf(text, 'Tarrant Wexley'), 'organization');
    assert.strictEqual(typeOf('Oil group Norbeck Petroleum and the Valmora Stock Exchange gained.', 'Valmora Stock Exchange'), 'organization');
  });

  it('leaves out awards, demonyms and nationality adjectives', () => {
    const ms = findEntityMentions('The British actress won an Oscar, and Irish and Canadian fans cheered.');
    assert.deepStrictEqual(ms.map((m) => m.text), []);
  });

  it('keeps names with lower-case connectors whole and links their acronyms', () => {
    const text =
      'Officials of the Office of Coastal Permits and Licences (OCPL) flew to Dar es Salaam. ' +
      'The OCPL said the Bank of England and the Department for Work and Pensions agreed.';
    const ms = findEntityMentions(text);
    const names = ms.map((m) => m.text);
    for (const whole of ['Office of Coastal Permits and Licences', 'Dar es Salaam', 'Bank of England', 'Department for Work and Pensions']) {
      assert.ok(names.includes(whole), `${whole} in ${names.join(' | ')}`);
    }
    assert.ok(ms.filter((m) => m.text === 'OCPL').every((m) => m.expansion === 'Office of Coastal Permits and Licences'));
  });

  it('drops a descriptive word glued before an acronym ("Telco BT" → "BT")', () => {
    const ms = findEntityMentions('Telco KRX said on Monday that profits rose.');
    assert.deepStrictEqual(ms.map((m) => m.text), ['KRX']);
  });

  it('strips plural titles before a person ("Presidents George W Bush and ...")', () => {
    const ms = findEntityMentions('The summit was attended by Presidents Aldo Ferrant and Maren Oskarsson.');
    assert.deepStrictEqual(ms.filter((m) => m.type === 'person').map((m) => m.text), ['Aldo Ferrant', 'Maren Oskarsson']);
  });

  it('keeps contractions, film titles with "The" and job words out of people\'s names', () => {
    const ms = findEntityMentions("I'm sure, she said. The Harbourmaster won praise. Wexford winger Padraig Colm scored twice.");
    const people = ms.filter((m) => m.type === 'person').map((m) => m.text);
    assert.ok(!people.some((p) => /I'm|^The |winger/.test(p)), people.join(' | '));
    assert.ok(people.includes('Padraig Colm'), people.join(' | '));
  });

  it('types a one-word club as an organization across a corpus, though its name is a first name', () => {
    const docs = [
      doc('a', [['Chelsea', 'person'], ['Chelsea', 'organization']]),
      doc('b', [['Chelsea', 'person'], ['Chelsea', 'organization']]),
      doc('c', [['Chelsea', 'person']]),
    ];
    assert.strictEqual(clusterOf(resolveEntities(docs), 'Chelsea')!.type, 'organization');
    // A person written in full keeps the type of the person.
    const person = resolveEntities([doc('a', [['Chelsea Marlow', 'person'], ['Marlow', 'person']]), doc('b', [['Marlow', 'organization']])]);
    assert.strictEqual(clusterOf(person, 'Marlow')!.type, 'person');
  });

  it('reads a one-word name that plays in a sports report as the club', () => {
    const text =
      'Rovers beat Athletic 2-1 in the league on Saturday. The home side scored twice after half-time, and ' +
      'the goalkeeper saved a penalty. Rovers manager Tom Quill praised the squad before the cup match against Athletic.';
    const ms = findEntityMentions(text);
    for (const m of ms.filter((x) => x.text === 'Rovers' || x.text === 'Athletic')) assert.strictEqual(m.type, 'organization', m.text);
  });
});

