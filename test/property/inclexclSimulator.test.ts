/**
 * Properties of the include-exclude simulator on generated lists and paths:
 * a statement added at the bottom changes no answer for a path it does not
 * match; the answer names the line that decides, and that line matches; on
 * Windows the case of a path changes nothing; `/.../` matches what no
 * directory and one directory in its place match. Fixed seed: a failure
 * prints its seed and reproduces.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DsmLanguageService } from '../../server/src/service/languageService';
import { explainPaths } from '../../server/src/service/features/explain';
import type { Explanation } from '../../server/src/model/inclexclSimulator';
import { compileMatcher, directoriesOf, matchesPattern, patternRegExp } from '../../server/src/model/inclexclMatch';
import type { Operation } from '../../server/src/model/inclexcl';

const SEED = 1616;
const RUNS = 200;
const svc = new DsmLanguageService();

const name = fc.constantFrom('a', 'b', 'data', 'x.o', 'y.tmp', 'Core', 'ab');
const patternLevel = fc.constantFrom('a', 'b', 'data', '*', '?', '*.o', '*.tmp', '[ab]', 'a*', '?b', '...', 'Core');
const KINDS = [
  'include',
  'exclude',
  'exclude.dir',
  'include.backup',
  'include.archive',
  'exclude.archive',
  'include.encrypt',
  'exclude.compression',
] as const;

const unixPath = fc.array(name, { minLength: 1, maxLength: 4 }).map((l) => '/' + l.join('/'));
/** A pattern: levels from / (a `...` never last, as IBM writes it). */
const unixPattern = fc.array(patternLevel, { minLength: 1, maxLength: 4 }).map((l) => {
  if (l[l.length - 1] === '...') l[l.length - 1] = '*';
  return '/' + l.join('/');
});
const statement = fc.record({
  kind: fc.constantFrom(...KINDS),
  pattern: unixPattern,
  mc: fc.option(fc.constantFrom('mc1', 'MC2'), { nil: undefined }),
});
type Statement = { kind: (typeof KINDS)[number]; pattern: string; mc?: string };

function line(s: Statement): string {
  return `${s.kind} ${s.pattern}${s.mc && s.kind.startsWith('include') && s.kind !== 'include.encrypt' ? ' ' + s.mc : ''}`;
}

function run(
  list: Statement[],
  paths: string[],
  operation: Operation,
  uri = 'file:///etc/tsm/list.excl',
  text = list.map(line).join('\n'),
): Explanation[] {
  const r = explainPaths({ doc: svc.parse(text, uri), text }, new Map(), paths, { operation });
  if ('error' in r) throw new Error(r.error);
  return r;
}

/** Does a statement have a say about this path: its pattern matches it, or (EXCLUDE.DIR) one of its directories? */
function touches(s: Statement, path: string): boolean {
  if (s.kind === 'exclude.dir') return directoriesOf(path, 'unix').some((d) => matchesPattern(s.pattern, d, 'unix'));
  return matchesPattern(s.pattern, path, 'unix');
}

const decisive = (e: Explanation) => ({ decision: e.decision, line: e.by?.line ?? null, mc: e.managementClass });

describe('include-exclude simulator properties', () => {
  it('a statement added at the bottom changes no answer for a path it does not match', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { maxLength: 8 }),
        statement,
        fc.array(unixPath, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<Operation>('backup', 'archive'),
        (list, added, paths, op) => {
          const before = run(list, paths, op);
          const after = run([...list, added], paths, op);
          paths.forEach((p, i) => {
            if (!touches(added, p)) assert.deepEqual(decisive(after[i]), decisive(before[i]), p);
          });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the deciding line matches the path (or one of its directories), and no line means included', () => {
    fc.assert(
      fc.property(
        fc.array(statement, { maxLength: 8 }),
        fc.array(unixPath, { minLength: 1, maxLength: 5 }),
        (list, paths) => {
          run(list, paths, 'backup').forEach((e, i) => {
            if (e.by === null) assert.equal(e.decision, 'included');
            else assert.ok(touches(list[e.by.line], paths[i]), `${line(list[e.by.line])} decided ${paths[i]}`);
          });
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('on Windows the case of the path changes nothing', () => {
    const toWindows = (p: string) => 'C:' + p.replace(/\//g, '\\');
    fc.assert(
      fc.property(fc.array(statement, { minLength: 1, maxLength: 6 }), unixPath, (list, path) => {
        const text = list.map((s) => line({ ...s, pattern: toWindows(s.pattern) })).join('\n');
        const [lower, upper] = [path.toLowerCase(), path.toUpperCase()].map(
          (p) => run(list, [toWindows(p)], 'backup', 'file:///c%3A/tsm/dsm.opt', text)[0],
        );
        assert.equal(lower.platform, 'windows');
        assert.deepEqual(decisive(upper), decisive(lower));
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('/.../ matches exactly what no directory, or any run of directories, in its place matches', () => {
    fc.assert(
      fc.property(unixPattern, unixPattern, unixPath, (head, tail, path) => {
        const withN = `${head}/...${tail}`;
        const dirs = path.split('/').slice(1, -1);
        // Every way of taking some directories out of the path for the `...`.
        let expected = false;
        for (let from = 0; from <= dirs.length && !expected; from++) {
          for (let to = from; to <= dirs.length && !expected; to++) {
            const h = '/' + dirs.slice(0, from).join('/');
            const rest = '/' + [...dirs.slice(to), path.split('/').pop()].join('/');
            if (from > 0 && matchesPattern(head, h, 'unix') && matchesPattern(tail, rest, 'unix')) expected = true;
          }
        }
        assert.equal(matchesPattern(withN, path, 'unix'), expected, `${withN} against ${path}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it('the literal start a matcher tests first never turns away a path the full expression matches', () => {
    const win = (p: string) => 'C:' + p.replace(/\//g, '\\');
    fc.assert(
      fc.property(unixPattern, unixPath, fc.boolean(), (pattern, path, upper) => {
        const p = upper ? path.toUpperCase() : path;
        assert.equal(compileMatcher(pattern, 'unix')(p), patternRegExp(pattern, 'unix').test(p));
        assert.equal(
          compileMatcher(win(pattern), 'windows')(win(p)),
          patternRegExp(win(pattern), 'windows').test(win(p)),
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
