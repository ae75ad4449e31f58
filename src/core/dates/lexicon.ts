// English word lists of the date grammar: month and weekday names, number words, and the words
// around an expression that make it a date (or not). Regex fragments are strings, composed by
// the parsers. Spanish lives in lexicon.es.ts.
import { SPANISH_MONTHS } from './lexicon.es';

export const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];
export const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/**
 * English month names as written in running text and datelines: Title case or ALL CAPS full
 * names, and the usual abbreviations (optionally with a dot). Never lowercase: "may" and
 * "march" in lowercase are a verb and a noun. Longest alternatives first.
 */
export const EN_MONTH_FULL_RE = `(?:${MONTH_NAMES.join('|')}|${MONTH_NAMES.map((n) => n.toUpperCase()).join('|')})`;
export const EN_MONTH_ABBR_RE = '(?:Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec|SEPT|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\\.?';
export const EN_MONTH_RE = `(?:${EN_MONTH_FULL_RE}|${EN_MONTH_ABBR_RE})`;

/** Month number for an English full name, abbreviation (with or without dot) or Spanish name. */
export function monthNumber(word: string): number | undefined {
  const w = word.replace(/\.$/, '').toLowerCase();
  const full = MONTH_NAMES.findIndex((n) => n.toLowerCase() === w);
  if (full >= 0) return full + 1;
  return MONTH_ABBREVIATIONS[w] ?? SPANISH_MONTHS[w];
}


export const S = '[ \\t\\u00a0]+'; // in-line whitespace: an expression never spans a line break
export const S0 = '[ \\t\\u00a0]*';
export const WEEKDAY_RE = `(?:${WEEKDAY_NAMES.join('|')}|${WEEKDAY_NAMES.map((w) => w.toUpperCase()).join('|')})`;
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};
export const ONES_RE = '(?:one|two|three|four|five|six|seven|eight|nine)';
export const TEENS_RE = '(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)';
export const TENS_RE = '(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)';
export const AMOUNT_RE = `(?:${Object.keys(NUMBER_WORDS).join('|')}|\\d{1,3}|a${S}few|a${S}couple${S}of|several|few|some|many)`;
export const UNIT_RE = '(?:days?|weeks?|months?|years?|decades?)';
export const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, final: 4, last: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4,
};
/** Words that, right after a bare number, show it is a count or a time, not a year. */
export const COUNT_OR_TIME_AFTER = /^(?:[ \t\u00a0]+(?:gmt|bst|utc|cet|est|edt|pst|pdt|hrs|hours|h|local\s+time|people|staff|police|personnel|troops|military|cattle|sheep|livestock|million|billion|thousand)\b)/i;
export const FUNCTION_WORDS_ENDING_IN_S = new Set([
  'was', 'has', 'is', 'as', 'his', 'its', 'this', 'thus', 'plus', 'across', 'towards', 'afterwards', 'onwards',
  'less', 'unless', 'always', 'perhaps', 'whereas', 'does', 'goes', 'yes', 'us', 'besides', 'sees', 'saves',
]);
// Words before a bare year / bare month that make it a date.
export const YEAR_CONTEXT = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'through', 'throughout', 'between',
  'of', 'for', 'circa', 'around', 'early', 'late', 'mid', 'year', 'season', 'summer', 'spring', 'autumn', 'fall',
  'winter', 'end', 'start', 'beginning', 'middle', 'half', 'quarter', 'fiscal', 'financial', 'en', 'desde', 'de',
  'either', 'both', 'christmas', 'easter',
]);
export const YEAR_DETERMINERS = new Set(['the', 'a', 'an', 'their', 'his', 'her', 'its', 'our', 'my', 'your', 'this', 'whose', 'own']);
export const MONTH_CONTEXT = new Set([
  'in', 'since', 'until', 'till', 'by', 'from', 'during', 'before', 'after', 'through', 'throughout', 'between',
  'for', 'into', 'around', 'circa', 'en', 'desde', 'hasta',
]);
export const MONTH_OF_CONTEXT = new Set([
  'end', 'start', 'beginning', 'middle', 'month', 'half', 'part', 'rest', 'course', 'mid', 'weeks', 'days', 'months', 'first', 'second', 'third', 'fourth',
]);
export const WEEKDAY_EVENT_PREFIX = new Set([
  'good', 'black', 'bloody', 'super', 'ash', 'easter', 'palm', 'holy', 'maundy', 'shrove', 'cyber', 'giving',
  'blue', 'fat', 'mad', 'plough', 'mothering', 'remembrance', 'whit', 'trinity', 'low', 'man', 'girl', 'joe',
]);
export const WEEKDAY_NAME_SUFFIX = /^[ \t\u00a0]+(?:Times|Telegraph|Mirror|Express|Post|Herald|Tribune|Independent|Observer|Mail|Sport|People|Star|Night|Club|Review|Business|Mercury|Record|Sun|Age|Journal|Service|School|Group|Magazine|Programme|Show|Live)\b/;
export const ORDINAL_CONTEXT = new Set(['on', 'since', 'until', 'till', 'by', 'before', 'after', 'from', 'through']);
/** Words before a holiday's bare name that make it a day ("at Christmas", not "Christmas tree"). */
export const HOLIDAY_CONTEXT = new Set([...ORDINAL_CONTEXT, 'at', 'over', 'during', 'around', 'for', 'of', 'ahead', 'between', 'and', 'or']);
/** Capitalized words that may stand right before a holiday without making it part of a name. */
export const HOLIDAY_NAME_OK_BEFORE = new Set([...HOLIDAY_CONTEXT, 'the', 'a', 'this', 'last', 'next', 'since', 'until', 'in', 'that', 'every']);
export const ORDINAL_FOLLOW_OK = new Set([
  'and', 'or', 'to', 'when', 'at', 'in', 'after', 'before', 'until', 'as', 'that', 'which', 'while', 'with', 'but',
  'the', 'a', 'he', 'she', 'they', 'it', 'we', 'i', 'this', 'during', 'amid', 'following', 'where', 'his', 'her',
]);
export const ORDINAL_NOUN_AFTER = /^[ \t\u00a0]+(?:Century|Amendment|Street|Avenue|Division|Fleet|Army|Corps|Brigade|Regiment|Congress|Dynasty|Parliament|Infantry|Airborne)\b/;
/** Words just before an expression that make it point forward in time (incl. the scheduling present: "opens in March"). */
export const FUTURE_CUE = /(?:\b(?:will|shall|won['’]t|due(?![ \t]+to\b)|scheduled|slated|set[ \t]+to|set[ \t]+for|plans?[ \t]+to|planning|planned[ \t]+(?:for|to)|(?:expected|agreed|promised|vowed|pledged|preparing|going|ready|set)[ \t]+to|intends?[ \t]+to|(?:is|are)[ \t]+expected|(?:is|are)[ \t]+to|hopes?[ \t]+to|aims?[ \t]+to|pushing[ \t]+for|push(?:es)?[ \t]+for|invited|upcoming|coming|next|opens|begins|starts|ends|closes|resumes|expires|takes[ \t]+(?:place|effect)|kicks[ \t]+off)\b|['’]ll\b)/i;
export const IRREGULAR_PAST = new Set([
  'was', 'were', 'had', 'did', 'said', 'sank', 'met', 'began', 'took', 'went', 'came', 'held', 'left', 'made', 'told',
  'saw', 'fell', 'rose', 'won', 'lost', 'gave', 'fled', 'struck', 'flew', 'ran', 'sent', 'spent', 'built', 'bought',
  'caught', 'fought', 'brought', 'found', 'kept', 'led', 'paid', 'sold', 'stood', 'wrote', 'spoke', 'broke', 'chose',
  'drove', 'grew', 'knew', 'threw', 'shot', 'died', 'sat', 'woke', 'swept', 'beat', 'quit', 'hit', 'stole', 'swore',
  'wore', 'bore', 'hung', 'rang', 'sang', 'forgot', 'overtook', 'withdrew', 'undertook',
]);
export const NOT_PAST_ED = /^(?:need|feed|speed|seed|proceed|exceed|succeed|indeed|hundred|shed|embed|breed|bleed|steed)$/;
/** Before an "-ed" word, these make it a participle, not a past tense ("must be returned", "has announced"). */
export const NON_PAST_AUXILIARY = /^(?:be|being|is|are|am|to|must|can|could|should|would|may|might|will|shall|has|have)$/;
/** Cue words in the last three before an expression that point back in time. */
export const PAST_CUE_WORDS = new Set(['since', 'last', 'ago', 'earlier', 'previously', 'already', 'previous']);
/** The word right before an expression that points ahead unless the verb is in the past ("until March 6"). */
export const WEAK_FUTURE_WORDS = new Set(['until', 'till', 'by', 'before', 'through', 'hasta']);
/** Words after an expression that make the sentence look ahead ("the summit on Nov. 20 will…"). */
export const FUTURE_AFTER = new Set(['will', 'shall', "won't", 'wont']);
