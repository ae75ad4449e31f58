// "1 mention", "2 mentions": counts in words, for every message the CLI and the extension write.

export function plural(n: number, one: string, many = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}
