// A small glob matcher for include/exclude settings: `**`, `*`, `?`, `[abc]`, `[!a-z]`, `{a,b}`
// over `/` paths. A glob it cannot read is an error (GlobError), never a silent non-match.

export class GlobError extends Error {}

/** The class `[…]` starting at glob[open] as a RegExp class, and the index of its `]`. */
function characterClass(glob: string, open: number): { re: string; close: number } {
  let i = open + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const first = i;
  // A `]` right after the opening (or its `!`) is a literal member, as in shells.
  while (i < glob.length && (glob[i] !== ']' || i === first)) i++;
  if (i >= glob.length) throw new GlobError(`"${glob}": "[" at ${open + 1} is never closed`);
  const members = glob.slice(first, i).replace(/[\\\]^[]/g, '\\$&');
  if (members.includes('/')) throw new GlobError(`"${glob}": "/" cannot be part of a [...] class`);
  return { re: `${negated ? '[^/' : '['}${members}]`, close: i };
}

/** The glob as an anchored RegExp; throws GlobError for an unclosed `{` or `[`, or a stray `}`. */
export function globToRegExp(glob: string): RegExp {
  if (!glob) throw new GlobError('a glob cannot be empty');
  let re = '';
  const braces: number[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slashAfter = glob[i + 2] === '/';
        re += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        re += '[^/]*';
      }
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const cls = characterClass(glob, i);
      re += cls.re;
      i = cls.close;
    } else if (c === '{') {
      braces.push(i);
      re += '(?:';
    } else if (c === '}') {
      if (!braces.length) throw new GlobError(`"${glob}": "}" at ${i + 1} has no "{"`);
      braces.pop();
      re += ')';
    } else if (c === ',' && braces.length) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  if (braces.length) throw new GlobError(`"${glob}": "{" at ${braces[braces.length - 1] + 1} is never closed`);
  return new RegExp(`^${re}$`);
}

/** The message for a glob globToRegExp rejects, or undefined when it is fine. */
export function globProblem(glob: string): string | undefined {
  try {
    globToRegExp(glob);
    return undefined;
  } catch (e) {
    if (e instanceof GlobError) return e.message;
    throw e;
  }
}

/** A glob matching exactly this path (every special character in a class of its own). */
export function literalGlob(relativePath: string): string {
  return relativePath.replace(/[*?[\]{},]/g, '[$&]');
}

export function matchesAny(relativePath: string, globs: RegExp[]): boolean {
  return globs.some((g) => g.test(relativePath));
}

export const DEFAULT_INCLUDE = '**/*.{txt,md}';
export const DEFAULT_EXCLUDE = '**/{node_modules,.git,.dossier}/**';
