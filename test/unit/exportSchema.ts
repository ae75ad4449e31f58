// A small check of the export contract (docs/EXPORT.md, dossier-export/2): every field there
// with its type, positions inside the documents' lines, snippets within their bound.
import { EXPORT_SCHEMA, TIMELINE_SNIPPET_MAX } from '../../src/core/export';

type Json = Record<string, unknown>;

/** The form of a date value for each granularity (docs/EXPORT.md, "Date values"). */
const VALUE_FORMS: Record<string, RegExp> = {
  day: /^\d{4}-\d\d-\d\d$/,
  weekend: /^\d{4}-W\d\d-WE$/,
  week: /^\d{4}-W\d\d$/,
  month: /^\d{4}-\d\d$/,
  season: /^\d{4}-(SP|SU|FA|WI)$/,
  quarter: /^\d{4}-Q[1-4]$/,
  half: /^\d{4}-H[12]$/,
  year: /^\d{4}$/,
  decade: /^\d{3}X$/,
};
const valueFits = (value: unknown, granularity: unknown): boolean =>
  typeof value === 'string' && typeof granularity === 'string' && VALUE_FORMS[granularity]?.test(value) === true;

/** Problems with `x` as a dossier-export/2 object; [] when it follows the contract. */
export function exportProblems(x: unknown): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok && problems.length < 20) problems.push(what);
  };
  const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
  const nat = (v: unknown) => Number.isInteger(v) && (v as number) >= 0;
  const str = (v: unknown) => typeof v === 'string';
  const position = (v: unknown) => isObj(v) && nat(v.line) && nat(v.character);
  const before = (a: Json, b: Json) => (a.line as number) < (b.line as number) || (a.line === b.line && (a.character as number) <= (b.character as number));
  const oneOf = (v: unknown, values: unknown[]) => values.includes(v);
  const mention = (m: unknown, where: string) => {
    check(isObj(m), `${where}: not an object`);
    if (!isObj(m)) return;
    check(str(m.path) && nat(m.line) && nat(m.character) && nat(m.length) && str(m.text), `${where}: path, line, character, length, text`);
  };
  if (!isObj(x)) return ['not an object'];
  check(x.schema === EXPORT_SCHEMA, `schema is ${String(x.schema)}`);
  check(Object.keys(x).join() === 'schema,documents,entities,dates,timeline', `keys: ${Object.keys(x).join()}`);
  const list = (k: string): unknown[] => (Array.isArray(x[k]) ? (x[k] as unknown[]) : (check(false, `${k} is not a list`), []));
  const paths = new Set<string>();
  list('documents').forEach((d, i) => {
    check(isObj(d) && str(d.path) && (d.date === null || /^\d{4}-\d\d-\d\d$/.test(String(d.date))), `documents[${i}]`);
    if (isObj(d)) {
      check(oneOf(d.dateSource, ['header', 'sidecar', 'byline', 'dateline', 'fileName', 'folderName', 'inferred', 'default', 'none']), `documents[${i}].dateSource`);
      paths.add(d.path as string);
    }
  });
  const ids = new Set<string>();
  list('entities').forEach((e, i) => {
    if (!isObj(e)) return check(false, `entities[${i}]`);
    check(str(e.id) && /^(person|organization|place):/.test(e.id as string) && !ids.has(e.id as string), `entities[${i}].id`);
    ids.add(e.id as string);
    check(str(e.name) && oneOf(e.type, ['person', 'organization', 'place']), `entities[${i}] name/type`);
    check(Array.isArray(e.aliases) && (e.aliases as unknown[]).every(str), `entities[${i}].aliases`);
    check(Array.isArray(e.mentions), `entities[${i}].mentions`);
    ((e.mentions as unknown[]) ?? []).forEach((m, j) => {
      mention(m, `entities[${i}].mentions[${j}]`);
      check(isObj(m) && paths.has(m.path as string), `entities[${i}].mentions[${j}].path not a document`);
    });
  });
  list('dates').forEach((d, i) => {
    mention(d, `dates[${i}]`);
    if (!isObj(d)) return;
    check(d.value === null ? d.granularity === null : valueFits(d.value, d.granularity), `dates[${i}].value`);
    check(str(d.how), `dates[${i}] granularity/how`);
  });
  list('timeline').forEach((day, i) => {
    if (!isObj(day)) return check(false, `timeline[${i}]`);
    check(valueFits(day.date, day.granularity), `timeline[${i}] date`);
    ((day.entries as unknown[]) ?? []).forEach((e, j) => {
      const where = `timeline[${i}].entries[${j}]`;
      if (!isObj(e)) return check(false, where);
      check(str(e.path) && paths.has(e.path as string) && nat(e.line) && nat(e.character) && nat(e.length) && str(e.mention), where);
      const span = e.sentenceSpan as Json;
      check(isObj(span) && position(span.start) && position(span.end), `${where}.sentenceSpan`);
      if (isObj(span) && position(span.start) && position(span.end)) {
        check(before(span.start as Json, e) && before(span.start as Json, span.end as Json), `${where}.sentenceSpan does not hold the date`);
      }
      // The bound, plus an ellipsis at either end.
      check(str(e.snippet) && (e.snippet as string).length <= TIMELINE_SNIPPET_MAX + 2, `${where}.snippet`);
      check(Array.isArray(e.entities) && (e.entities as unknown[]).every((id) => ids.has(id as string)), `${where}.entities`);
    });
  });
  return problems;
}
