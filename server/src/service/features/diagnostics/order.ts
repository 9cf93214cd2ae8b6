/**
 * `statement-never-applies`: include-exclude statements that IBM's
 * processing order never reaches (EXCLUDE.DIR first, then bottom up, the
 * first match deciding).
 */
import { Operation, isIncludeStatement, levels, matchesEverything, patternPlatform } from '../../../model/inclexcl';
import { Statement, statements } from './inclexcl';
import { Finding, Rule, UNNECESSARY, finding, wordRange } from './rule';

/** The levels of a pattern on its own platform (UNIX when it tells none). */
function levelsOf(s: Statement): string[] {
  return levels(s.pattern.text, patternPlatform(s.pattern.text) ?? 'unix');
}

function isUnder(inner: string[], outer: string[]): boolean {
  return outer.length > 1 && inner.length > outer.length && outer.every((l, i) => l === inner[i]);
}

/** INCLUDE statements for backup whose files an EXCLUDE.DIR (or EXCLUDE.FS) leaves out before the list is read. */
function underExcludedTrees(list: Statement[]): Finding[] {
  const trees = list.filter((s) => s.spec.excludesTree).map((s) => ({ s, levels: levelsOf(s) }));
  const found: Finding[] = [];
  if (!trees.length) return found;
  for (const s of list) {
    if (!isIncludeStatement(s.o.option!) || !s.spec.decides.includes('backup')) continue;
    const own = levelsOf(s);
    const tree = trees.find((t) => isUnder(own, t.levels));
    if (!tree) continue;
    const by = `${tree.s.o.option!.name} ${tree.s.pattern.text} (line ${tree.s.o.line + 1})`;
    found.push(
      finding(
        'statement-never-applies',
        wordRange(s.o.line, s.pattern),
        `${by} leaves this whole directory out before any INCLUDE is read, wherever it stands: this statement never takes effect for backup.`,
        [],
        UNNECESSARY,
      ),
    );
  }
  return found;
}

/** The key under which two patterns are the same: Windows patterns without case. */
function patternKey(s: Statement): string {
  return patternPlatform(s.pattern.text) === 'windows' ? s.pattern.text.toLowerCase() : s.pattern.text;
}

/** Statements above a lower one that matches every file they match, for every operation they decide: read bottom up, the lower one always wins. */
function shadowedFromBelow(list: Statement[]): Finding[] {
  const found: Finding[] = [];
  const decided = new Map<string, Map<Operation, Statement>>();
  const everything = new Map<Operation, Statement>();
  for (let i = list.length - 1; i >= 0; i--) {
    const s = list[i];
    const ops = s.spec.decides;
    if (!ops.length) continue;
    const same = decided.get(patternKey(s)) ?? new Map<Operation, Statement>();
    const winners = ops.map((op) => same.get(op) ?? everything.get(op));
    if (winners.every((w) => w !== undefined)) {
      const w = winners[0]!;
      const why = `${w.o.option!.name} ${w.pattern.text} on line ${w.o.line + 1} is read first (the list is read from the bottom up) and matches every file this one matches`;
      found.push(
        finding(
          'statement-never-applies',
          wordRange(s.o.line, s.pattern),
          `This statement never takes effect: ${why}.`,
          [],
          UNNECESSARY,
        ),
      );
    }
    for (const op of ops) same.set(op, s);
    decided.set(patternKey(s), same);
    if (matchesEverything(s.pattern.text)) for (const op of ops) everything.set(op, s);
  }
  return found.reverse();
}

/** `statement-never-applies`: IBM's processing order leaves the statement without effect. */
export const processingOrder: Rule = (doc) => {
  if (doc.fileKind !== 'inclexcl') return [];
  const list = statements(doc).filter((s) => s.spec.pattern === 'path');
  return [...underExcludedTrees(list), ...shadowedFromBelow(list)];
};
