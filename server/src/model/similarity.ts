/** "Did you mean": the names closest to a misspelt word. */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = v;
    }
  }
  return d[rows * cols - 1];
}

/**
 * The candidates closest to `word`, best first, at most `limit`. A word may be
 * a misspelt abbreviation, so it is also compared with each candidate's prefix
 * of the same length.
 */
export function closest<T>(word: string, candidates: readonly T[], name: (c: T) => string, limit = 3): T[] {
  if (word.length > 64) return [];
  const budget = Math.max(1, Math.floor(word.length / 3));
  const scored: { c: T; score: number }[] = [];
  for (const c of candidates) {
    const full = name(c);
    const score = Math.min(distance(word, full), word.length >= 4 ? distance(word, full.slice(0, word.length)) + 0.5 : Infinity);
    if (score <= budget) scored.push({ c, score });
  }
  return scored.sort((x, y) => x.score - y.score).slice(0, limit).map((s) => s.c);
}
