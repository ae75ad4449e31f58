// One instance of each repeated string of the analyses. A worker's or the cache's result carries
// its own copy of every entity type, surface form, date text, value and explanation — tens of
// bytes apiece, hundreds of thousands of them in a large folder — where one shared copy will do.
import type { DateMention, DocumentAnalysis, EntityMention } from './types';

export type InternTable = Map<string, string>;

/** Replaces the analysis's repeated strings by the table's instance of each (adding new ones). */
export function internAnalysisStrings(analysis: DocumentAnalysis, table: InternTable): void {
  const intern = (s: string): string => {
    const had = table.get(s);
    if (had !== undefined) return had;
    table.set(s, s);
    return s;
  };
  for (const m of analysis.entities) {
    m.text = intern(m.text);
    m.type = intern(m.type) as EntityMention['type'];
    if (m.refersTo !== undefined) m.refersTo = intern(m.refersTo);
    if (m.expansion !== undefined) m.expansion = intern(m.expansion);
  }
  for (const d of analysis.dates) {
    d.text = intern(d.text);
    d.how = intern(d.how);
    if (d.value !== undefined) d.value = intern(d.value);
    if (d.granularity !== undefined) d.granularity = intern(d.granularity) as DateMention['granularity'];
  }
}
