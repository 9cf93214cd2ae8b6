/**
 * Property-based tests of formatting on generated documents (fast-check,
 * the fixed seed and a drawn one, test/property/seed.ts): it is idempotent, keeps the non-blank words of every line,
 * and never loses a byte (only spaces and tabs change, line endings
 * included). With dsm.format.canonicalNames only the case of names may
 * change besides.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SEEDS } from './seed';
import { DsmLanguageService } from '../../server/src/service/languageService';
import { checkSettings } from '../../server/src/service/settings';
import { applyStrictly, splitLines } from './checks';
import { documentText, uri } from './arbitraries';

const RUNS = 1000;
const plain = new DsmLanguageService();
const canonical = new DsmLanguageService({ settings: checkSettings({ format: { canonicalNames: true } }).settings });

function formatted(svc: DsmLanguageService, text: string, u: string): string {
  return applyStrictly(text, svc.format(svc.parse(text, u), text), 'formatting');
}

const words = (line: string) => line.split(/[ \t]+/).filter(Boolean);
/** Everything but spaces and tabs, line endings included. */
const bytesKept = (text: string) => text.replace(/[ \t]/g, '');
/** The line endings, in order. */
const endings = (text: string) => text.match(/\r\n|\r|\n/g) ?? [];

for (const { seed, label } of SEEDS)
  describe(`formatting generated documents (fast-check, ${label})`, () => {
    for (const [name, svc] of [
      ['names as written', plain],
      ['dsm.format.canonicalNames', canonical],
    ] as const) {
      it(`is idempotent (${name})`, () => {
        fc.assert(
          fc.property(documentText, uri, (text, u) => {
            const once = formatted(svc, text, u);
            assert.equal(
              formatted(svc, once, u),
              once,
              `formatting twice changed more\n--- once ---\n${JSON.stringify(once)}`,
            );
          }),
          { seed, numRuns: RUNS },
        );
      });
    }

    /** Formats, checks that the line endings are the same, and hands each line's words before and after to `check`. */
    const eachLine = (svc: DsmLanguageService, check: (before: string[], after: string[], line: number) => void) =>
      fc.property(documentText, uri, (text, u) => {
        const out = formatted(svc, text, u);
        assert.deepEqual(endings(out), endings(text), 'line endings');
        const [before, after] = [splitLines(text), splitLines(out)];
        assert.equal(after.length, before.length, 'line count');
        for (let i = 0; i < before.length; i++) check(words(before[i]), words(after[i]), i);
        if (svc === plain) assert.equal(bytesKept(out), bytesKept(text), 'a byte other than a space or tab changed');
      });

    it('keeps the non-blank words of every line, and every byte but spaces and tabs, line endings included', () => {
      fc.assert(
        eachLine(plain, (b, a, i) => assert.deepEqual(a, b, `words of line ${i}`)),
        { seed, numRuns: RUNS },
      );
    });

    it('with dsm.format.canonicalNames changes besides only the case of one word of a line (its name)', () => {
      const lower = (w: string[]) => w.map((x) => x.toLowerCase());
      fc.assert(
        eachLine(canonical, (b, a, i) => {
          assert.deepEqual(lower(a), lower(b), `words of line ${i}, but for case`);
          assert.ok(
            a.filter((w, k) => w !== b[k]).length <= 1,
            `more than the name changed on line ${i}: ${JSON.stringify([b, a])}`,
          );
        }),
        { seed, numRuns: RUNS },
      );
    });

    it('range formatting of every line is document formatting, and a smaller range changes only its own lines', () => {
      fc.assert(
        fc.property(documentText, uri, fc.nat(), fc.nat(), (text, u, a, b) => {
          const doc = plain.parse(text, u);
          const lines = splitLines(text);
          const whole = {
            start: { line: 0, character: 0 },
            end: { line: lines.length - 1, character: lines[lines.length - 1].length },
          };
          assert.deepEqual(plain.format(doc, text, whole), plain.format(doc, text));
          const [from, to] = [a % lines.length, b % lines.length].sort((x, y) => x - y);
          const edits = plain.format(doc, text, {
            start: { line: from, character: 0 },
            end: { line: to, character: 1 },
          });
          for (const e of edits)
            assert.ok(
              e.range.start.line >= from && e.range.end.line <= to,
              `edit on line ${e.range.start.line} outside ${from}-${to}`,
            );
        }),
        { seed, numRuns: RUNS },
      );
    });
  });
