import * as assert from 'assert';
import { findEntityMentions } from '../../src/core/entities';
import type { EntityMention, EntityType } from '../../src/core/types';

// Fixture sentences are written for these tests (not taken from any corpus).

function find(text: string): EntityMention[] {
  const ms = findEntityMentions(text);
  for (const m of ms) assert.strictEqual(text.slice(m.start, m.end), m.text, 'span must match text');
  for (let i = 1; i < ms.length; i++) assert.ok(ms[i].start >= ms[i - 1].end, 'sorted, no overlaps');
  return ms;
}

function typeOf(ms: EntityMention[], text: string): EntityType | undefined {
  return ms.find((m) => m.text === text)?.type;
}

function texts(ms: EntityMention[]): string[] {
  return ms.map((m) => m.text);
}

describe('findEntityMentions', () => {
  it('returns nothing for empty text', () => {
    assert.deepStrictEqual(findEntityMentions(''), []);
  });

  it('strips titles and honorifics', () => {
    const ms = find(
      'President Alvaro Peralta met Mr. Brandt in the capital. Chairman Ostrova later spoke with Dr. Lena Hardy. ' +
        'Foreign Minister Tomas Vigo said the talks went well.',
    );
    assert.strictEqual(typeOf(ms, 'Alvaro Peralta'), 'person');
    assert.strictEqual(typeOf(ms, 'Brandt'), 'person');
    assert.strictEqual(typeOf(ms, 'Ostrova'), 'person');
    assert.strictEqual(typeOf(ms, 'Lena Hardy'), 'person');
    assert.strictEqual(typeOf(ms, 'Tomas Vigo'), 'person');
    for (const t of texts(ms)) assert.ok(!/President|Mr\.|Chairman|Dr\.|Minister/.test(t), t);
  });

  it('splits "CIA Director John Smith" into the agency and the person', () => {
    const ms = find('CIA Director Paul Whitcombe flew to the region on a short visit.');
    assert.strictEqual(typeOf(ms, 'CIA'), 'organization');
    assert.strictEqual(typeOf(ms, 'Paul Whitcombe'), 'person');
  });

  it('trims possessives, straight and typographic, and trailing punctuation', () => {
    const ms = find("Later, Harold Penn’s aides denied it. Penn's office said Brazil’s envoy had left Madrid.");
    assert.deepStrictEqual(texts(ms), ['Harold Penn', 'Penn', 'Brazil', 'Madrid']);
    assert.strictEqual(typeOf(ms, 'Brazil'), 'place');
  });

  it('keeps hyphenated names whole', () => {
    const ms = find('The envoy praised Park Min-jun, and Choi Soo-yeon said the summit was useful.');
    assert.strictEqual(typeOf(ms, 'Park Min-jun'), 'person');
    assert.strictEqual(typeOf(ms, 'Choi Soo-yeon'), 'person');
  });

  it('joins an acronym defined in the text to its expansion', () => {
    const text =
      'The National Water Authority (NWA) approved the plan. Critics said the NWA moved too fast, ' +
      'and a spokesman for the NWA declined to comment.';
    const ms = find(text);
    assert.strictEqual(typeOf(ms, 'National Water Authority'), 'organization');
    const acr = ms.filter((m) => m.text === 'NWA');
    assert.strictEqual(acr.length, 3);
    for (const m of acr) {
      assert.strictEqual(m.type, 'organization');
      assert.strictEqual(m.expansion, 'National Water Authority');
    }
  });

  it('separates a leading country from an acronym expansion', () => {
    const ms = find('The US Federal Aviation Administration (FAA) grounded the planes on Monday.');
    assert.strictEqual(typeOf(ms, 'US'), 'place');
    assert.strictEqual(typeOf(ms, 'Federal Aviation Administration'), 'organization');
    assert.strictEqual(ms.find((m) => m.text === 'FAA')?.expansion, 'Federal Aviation Administration');
  });

  it('recognizes organizations by suffix and pattern', () => {
    const ms = find(
      'Officials from the Interior Ministry, the Green Harbor Party and Norland Bank met executives of Velto Inc ' +
        'and the Bank of Eastland. The State Department and the White House declined to comment on the ' +
        'Cartel de las Piedras.',
    );
    assert.strictEqual(typeOf(ms, 'Interior Ministry'), 'organization');
    assert.strictEqual(typeOf(ms, 'Green Harbor Party'), 'organization');
    assert.strictEqual(typeOf(ms, 'Norland Bank'), 'organization');
    assert.strictEqual(typeOf(ms, 'Velto Inc'), 'organization');
    assert.strictEqual(typeOf(ms, 'Bank of Eastland'), 'organization');
    assert.strictEqual(typeOf(ms, 'State Department'), 'organization');
    assert.strictEqual(typeOf(ms, 'White House'), 'organization');
    assert.strictEqual(typeOf(ms, 'Cartel de las Piedras'), 'organization');
  });

  it('knows news agencies and international bodies', () => {
    const ms = find('The agreement was reported by Reuters and CNN, and NATO and the United Nations welcomed it.');
    for (const t of ['Reuters', 'CNN', 'NATO', 'United Nations']) assert.strictEqual(typeOf(ms, t), 'organization', t);
  });

  it('rejects web-page debris', () => {
    const ms = find('The mayor resigned on Tuesday.\n\nComments\n\nLeave a comment\n\nShare\n\nRead more\n\nGo up');
    for (const t of texts(ms)) assert.ok(!/Comments|comment|Share|Read|Go up/.test(t), t);
  });

  it('never returns weekdays or months', () => {
    const ms = find('On Thursday, January 15, officials met in Lisbon. Friday was quiet; March began with rain.');
    assert.deepStrictEqual(texts(ms), ['Lisbon']);
  });

  it('rejects sentence-initial function words and capitalised common words', () => {
    const ms = find('However, the rally grew. Meanwhile protesters marched. Analysts expect more. The Senate met.');
    assert.deepStrictEqual(texts(ms), ['Senate']);
  });

  it('does not treat demonyms as entities', () => {
    const ms = find('Venezuelan and American officials met Canadian diplomats in Ottawa.');
    assert.deepStrictEqual(texts(ms), ['Ottawa']);
  });

  it('propagates a full name to later surname-only mentions', () => {
    const ms = find('Dorian Keswick arrived on Monday. Reporters waited for hours. Keswick said little. Later, Keswick left.');
    const k = ms.filter((m) => m.text === 'Keswick');
    assert.strictEqual(k.length, 2);
    for (const m of k) assert.strictEqual(m.type, 'person');
  });

  it('finds places from the gazetteer and "in/at/from" cues', () => {
    const ms = find('Troops moved from Caracas to Bogota, then on to the town of Villa Serena and the United States.');
    assert.strictEqual(typeOf(ms, 'Caracas'), 'place');
    assert.strictEqual(typeOf(ms, 'Bogota'), 'place');
    assert.strictEqual(typeOf(ms, 'Villa Serena'), 'place');
    assert.strictEqual(typeOf(ms, 'United States'), 'place');
  });

  it('treats U.S., US, USA and America as places', () => {
    const ms = find('U.S. officials said the US and USA teams, and America itself, agreed.');
    for (const t of ['U.S.', 'US', 'USA', 'America']) assert.strictEqual(typeOf(ms, t), 'place', t);
  });

  it('reads all-caps headlines only for names known elsewhere', () => {
    const ms = find('MARKETS SLIDE AS KRALJEVO STRIKE SPREADS IN FRANCE\nWorkers at Kraljevo Steel walked out in Paris.');
    const texts0 = texts(ms);
    assert.ok(texts0.includes('FRANCE'));
    assert.ok(!texts0.includes('MARKETS'));
    assert.ok(!texts0.includes('SLIDE'));
  });

  it('keeps accents and maps them to the same name', () => {
    const ms = find('Delia Muñoz spoke first. Later Muñoz and Munoz were both quoted.');
    assert.strictEqual(typeOf(ms, 'Delia Muñoz'), 'person');
    assert.ok(ms.filter((m) => m.type === 'person').length >= 2);
  });
});
