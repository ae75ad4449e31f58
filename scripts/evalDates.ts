// Accuracy of findDateMentions on the table-driven date suite (test/unit/dateCases.ts).
// Usage: node out/scripts/evalDates.js   (always exits 0; the unit tests are the gate)
import { analyzeDates, findDateMentions } from '../src/core/dates';
import { dateCases, nonDateCases, publicationDateCases, type DateCase, type PublicationDateCase } from '../test/unit/dateCases';

/** Why a case fails, or undefined when the expected mention is found with the expected value. */
export function checkCase(c: DateCase): string | undefined {
  const mentions = findDateMentions(c.text, c.reference);
  const m = mentions.find((x) => x.text === c.expression);
  if (!m) {
    const got = mentions.map((x) => JSON.stringify(x.text)).join(', ') || 'no mentions';
    return `no mention ${JSON.stringify(c.expression)} (got ${got})`;
  }
  if (m.value !== c.value) return `${JSON.stringify(c.expression)} → ${m.value ?? 'no value'}, expected ${c.value ?? 'no value'} (${m.how})`;
  if (c.granularity && m.granularity !== c.granularity) return `${JSON.stringify(c.expression)} granularity ${m.granularity}, expected ${c.granularity}`;
  return undefined;
}

/** Why a publication-date case fails, or undefined. */
export function checkPublicationDate(c: PublicationDateCase): string | undefined {
  const { date } = analyzeDates(c.text, c.path, c.context);
  if (date.value === c.value && date.source === c.source) return undefined;
  return `${c.path}: ${date.value ?? 'no date'} (${date.source}), expected ${c.value ?? 'no date'} (${c.source})`;
}

function main(): void {
  const failures: string[] = [];
  for (const c of dateCases) {
    const why = checkCase(c);
    if (why) failures.push(`  [ref ${c.reference ?? 'none'}] ${c.text}\n      ${why}`);
  }
  const ok = dateCases.length - failures.length;
  console.log(`Date suite: ${ok}/${dateCases.length} exact (${((100 * ok) / dateCases.length).toFixed(1)} %)`);

  const falseDates: string[] = [];
  for (const c of nonDateCases) {
    const bad = findDateMentions(c.text, c.reference).filter((m) => m.text.includes(c.notDate));
    if (bad.length) falseDates.push(`  ${c.text}\n      ${JSON.stringify(c.notDate)} taken as a date: ${bad.map((m) => JSON.stringify(m.text)).join(', ')}`);
  }
  console.log(`Non-dates: ${nonDateCases.length - falseDates.length}/${nonDateCases.length} correctly ignored`);

  const wrongPublication = publicationDateCases.map(checkPublicationDate).filter((x): x is string => !!x);
  console.log(`Publication dates: ${publicationDateCases.length - wrongPublication.length}/${publicationDateCases.length} exact`);

  if (failures.length) console.log(`\nFailures:\n${failures.join('\n')}`);
  if (wrongPublication.length) console.log(`\nPublication dates:\n  ${wrongPublication.join('\n  ')}`);
  if (falseDates.length) console.log(`\nFalse dates:\n${falseDates.join('\n')}`);
}

if (require.main === module) main();
