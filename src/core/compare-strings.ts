/** Orders two strings by UTF-16 code units, as a sort comparator: the same order on every machine (no locale). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
