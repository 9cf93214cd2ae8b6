/** "Did you mean": the names closest to a misspelt word. */

/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), case-insensitive.
 * With `max`, the computation stops as soon as the distance must exceed it, and returns max + 1.
 */
export function distance(a: string, b: string, max = Infinity): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array(rows * cols);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = d[i * cols];
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2] + 1);
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Every later cell is at least the smallest of this row, less one for a transposition over two rows.
    if (rowMin - 1 > max) return max + 1;
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
    // Lengths alone rule most candidates out: a distance is at least the difference of the lengths.
    const fullFar = Math.abs(word.length - full.length) > budget;
    const prefixFar = word.length < 4 || word.length - Math.min(word.length, full.length) > budget;
    if (fullFar && prefixFar) continue;
    const score = Math.min(
      fullFar ? Infinity : distance(word, full, budget),
      prefixFar ? Infinity : distance(word, full.slice(0, word.length), budget) + 0.5,
    );
    if (score <= budget) scored.push({ c, score });
  }
  return scored
    .sort((x, y) => x.score - y.score)
    .slice(0, limit)
    .map((s) => s.c);
}
