/**
 * Which lines a batch of editor changes touched, when it is safe to parse
 * only those again (see reparseLines in document.ts).
 */

/**
 * Adds to `lines` the line of each change, provided every change stays inside
 * one line (its range starts and ends on the same line, which exists, and its
 * text holds no line break), and returns it; returns undefined when some
 * change does more, or is malformed. `lineCount` is the number of lines
 * before the changes. The caller must still check that the number of lines is
 * the same afterwards: deleting what stood between a \r and a \n turns two
 * line breaks into one.
 */
export function linesChangedInPlace(changes: readonly unknown[], lineCount: number, lines: Set<number> = new Set()): Set<number> | undefined {
  if (!Array.isArray(changes)) return undefined;
  for (const change of changes) {
    if (typeof change !== 'object' || change === null) return undefined;
    const { range, text } = change as { range?: { start?: { line?: unknown }; end?: { line?: unknown } }; text?: unknown };
    const line = range?.start?.line;
    // A position past the end is moved to the end by the update: then it is not the line it names.
    if (typeof line !== 'number' || !Number.isInteger(line) || line < 0 || line >= lineCount || range?.end?.line !== line) return undefined;
    if (typeof text !== 'string' || text.includes('\n') || text.includes('\r')) return undefined;
    lines.add(line);
  }
  return lines;
}
