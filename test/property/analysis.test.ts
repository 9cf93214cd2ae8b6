/**
 * Property-based tests of the language service on generated documents:
 * nothing throws, every range lies inside the document, every quick fix
 * applies cleanly (and the ones meant to remove their diagnostic do), and
 * fix-all is idempotent. Run with the fixed seed and a drawn one
 * (test/property/seed.ts): a failure prints its seed and path, and
 * DSM_PROPERTY_SEED replays it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SEEDS } from './seed';
import { CodeAction, Diagnostic, DocumentSymbol, Position } from 'vscode-languageserver-types';
import { DsmLanguageService } from '../../server/src/service/languageService';
import { FIX_ALL_KIND } from '../../server/src/service/codes';
import { checkSettings } from '../../server/src/service/settings';
import { assertInside, applyStrictly, splitLines } from './checks';
import { documentText, namedUri, position, templateText, templateUri, uri } from './arbitraries';
import { touchesTemplate } from '../../server/src/parser/template';

const svc = new DsmLanguageService();
/** The same service with dsm.optionsFileLayout windows: every dsm.opt is a Windows one, where SErvername lines get a fix that deletes them. */
const windows = new DsmLanguageService({ settings: checkSettings({ optionsFileLayout: 'windows' }).settings });

/** A rule that threw: the service reports it as an internal-error diagnostic rather than fail, so the property must look for it. */
function assertNoInternalError(diagnostics: Diagnostic[]): void {
  for (const d of diagnostics)
    assert.notEqual(d.code, 'internal-error', typeof d.message === 'string' ? d.message : d.message.value);
}

function checkSymbols(lines: string[], symbols: DocumentSymbol[], what: string): void {
  for (const s of symbols) {
    assertInside(lines, s.range, `${what} ${s.name}`);
    assertInside(lines, s.selectionRange, `${what} ${s.name} selection`);
    checkSymbols(lines, s.children ?? [], `${what} ${s.name} >`);
  }
}

/** A position inside the text: an existing line, at most at its end. */
function inside(lines: string[], p: Position): Position {
  const line = p.line % lines.length;
  return { line, character: p.character % (lines[line].length + 1) };
}

function actionsFor(
  uri: string,
  text: string,
  only?: string[],
  service = svc,
): { diagnostics: Diagnostic[]; actions: CodeAction[] } {
  const doc = service.parse(text, uri);
  const diagnostics = service.diagnostics(doc);
  assertNoInternalError(diagnostics);
  const lines = splitLines(text);
  const whole = {
    start: { line: 0, character: 0 },
    end: { line: lines.length - 1, character: lines[lines.length - 1].length },
  };
  return { diagnostics, actions: service.codeActions(doc, whole, { diagnostics, only }) };
}

/** The quick fixes that are meant to remove the diagnostic they fix (their preferred fix). */
const SELF_REMOVING = new Set([
  'schedmode-prompted',
  'schedmode-missing',
  'tcpport-mismatch',
  'hash-comment',
  'path-needs-quotes',
]);
function removesItself(action: CodeAction): boolean {
  const d = action.diagnostics?.[0];
  if (!action.isPreferred || !d) return false;
  if (SELF_REMOVING.has(String(d.code))) return true;
  return d.code === 'invalid-value' && action.title.startsWith('Remove the quotes');
}

const sameStart = (a: Diagnostic, b: Diagnostic) =>
  a.code === b.code && a.range.start.line === b.range.start.line && a.range.start.character === b.range.start.character;

for (const { seed, label } of SEEDS)
  describe(`the language service on generated documents (fast-check, ${label})`, () => {
    it('never throws, and every range it returns lies inside the document', () => {
      fc.assert(
        fc.property(documentText, uri, fc.array(position, { minLength: 1, maxLength: 6 }), (text, u, positions) => {
          const lines = splitLines(text);
          const doc = svc.parse(text, u);
          assert.equal(doc.lineCount, lines.length, 'line count');
          const diagnostics = svc.diagnostics(doc);
          assertNoInternalError(diagnostics);
          for (const d of diagnostics) {
            assertInside(lines, d.range, `diagnostic ${d.code}`);
            for (const r of d.relatedInformation ?? [])
              assertInside(lines, r.location.range, `related information of ${d.code}`);
          }
          checkSymbols(lines, svc.documentSymbols(doc), 'symbol');
          for (const f of svc.foldingRanges(doc)) {
            assert.ok(
              f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lines.length,
              `folding ${f.startLine}-${f.endLine}`,
            );
          }
          for (const p of positions) {
            // Anywhere, even past the end: no exception.
            svc.hover(doc, p);
            svc.completion(doc, p);
            // Inside the document: ranges inside it too.
            const q = inside(lines, p);
            const h = svc.hover(doc, q);
            if (h?.range) assertInside(lines, h.range, `hover at ${q.line}:${q.character}`);
            for (const item of svc.completion(doc, q)) {
              if (item.textEdit && 'range' in item.textEdit)
                assertInside(lines, item.textEdit.range, `completion ${item.label} at ${q.line}:${q.character}`);
            }
          }
        }),
        { seed, numRuns: 1000 },
      );
    });

    it('offers quick fixes that apply cleanly, leave the rest of the text as it was, and (the preferred ones of six codes) remove their diagnostic', () => {
      fc.assert(
        fc.property(documentText, namedUri, fc.boolean(), (text, u, asWindows) => {
          const service = asWindows ? windows : svc;
          const { actions } = actionsFor(u, text, undefined, service);
          for (const action of actions) {
            const edits = action.edit?.changes?.[u];
            if (!edits) continue;
            const fixed = applyStrictly(text, edits, `"${action.title}"`);
            if (!removesItself(action)) continue;
            const own = action.diagnostics![0];
            const after = service.diagnostics(service.parse(fixed, u));
            const left = after.find((d) => sameStart(d, own));
            assert.equal(
              left,
              undefined,
              `"${action.title}" leaves its own diagnostic: ${left?.message}\n--- fixed text ---\n${JSON.stringify(fixed)}`,
            );
          }
        }),
        {
          seed,
          numRuns: 1000,
          // Deleting the last line (no line ending after it): its range ran from line -1 in a file of one line, and to character 2^53 - 1.
          examples: [
            ['SErvername alpha', 'file:///opt/tivoli/dsm.opt', true],
            ['* Windows client options\r\nSErvername alpha', 'file:///opt/tivoli/dsm.opt', false],
          ],
        },
      );
    });

    it('in templates: nothing throws, every range lies inside, and no quick fix edits template syntax', () => {
      fc.assert(
        fc.property(
          templateText,
          templateUri,
          fc.array(position, { minLength: 1, maxLength: 4 }),
          (text, u, positions) => {
            const lines = splitLines(text);
            const { diagnostics, actions } = actionsFor(u, text);
            // A plain name (dsm.sys) is a template only when its text holds tags.
            const spans = svc.parse(text, u).template?.spans ?? [];
            for (const s of spans) assertInside(lines, s.range, 'template span');
            for (const d of diagnostics) assertInside(lines, d.range, `diagnostic ${d.code}`);
            for (const action of actions) {
              const edits = action.edit?.changes?.[u] ?? [];
              applyStrictly(text, edits, `"${action.title}"`);
              for (const e of edits)
                assert.ok(
                  !touchesTemplate(spans, e.range),
                  `"${action.title}" edits template syntax at ${JSON.stringify(e.range)}`,
                );
            }
            const doc = svc.parse(text, u);
            checkSymbols(lines, svc.documentSymbols(doc), 'symbol');
            for (const f of svc.foldingRanges(doc))
              assert.ok(
                f.startLine >= 0 && f.startLine < f.endLine && f.endLine < lines.length,
                `folding ${f.startLine}-${f.endLine}`,
              );
            for (const p of positions) {
              const q = inside(lines, p);
              svc.hover(doc, q);
              for (const item of svc.completion(doc, q))
                if (item.textEdit && 'range' in item.textEdit)
                  assert.ok(
                    !touchesTemplate(spans, item.textEdit.range),
                    `completion ${item.label} replaces template syntax`,
                  );
            }
          },
        ),
        { seed, numRuns: 1000 },
      );
    });

    it('fix-all applies cleanly and is idempotent: a second fix-all offers nothing', () => {
      fc.assert(
        fc.property(documentText, namedUri, (text, u) => {
          const first = actionsFor(u, text, [FIX_ALL_KIND]).actions.filter((a) => a.kind === FIX_ALL_KIND);
          assert.ok(first.length <= 1, 'at most one fix-all');
          if (!first.length) return;
          const fixed = applyStrictly(text, first[0].edit!.changes![u], 'fix-all');
          const second = actionsFor(u, fixed, [FIX_ALL_KIND]).actions.filter((a) => a.kind === FIX_ALL_KIND);
          assert.deepEqual(
            second.map((a) => a.edit?.changes?.[u]),
            [],
            `a second fix-all still offers edits\n--- after the first ---\n${JSON.stringify(fixed)}`,
          );
        }),
        { seed, numRuns: 1000 },
      );
    });
  });
