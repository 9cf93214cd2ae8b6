/**
 * Property-based tests of random edit sequences, applied the way the server
 * applies them (TextDocument.update, incremental changes): after every edit,
 * analysis does not throw, and the document the server keeps up to date
 * (re-parsing only the changed lines when every change stayed inside a line)
 * is the one a whole parse of the new text gives.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SEEDS } from './seed';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DsmLanguageService } from '../../server/src/service/languageService';
import { DsmDocument, Entry } from '../../server/src/parser/document';
import { linesChangedInPlace } from '../../server/src/parser/incremental';
import {
  documentText,
  junk,
  line as lineArb,
  namedUri,
  eol,
  templatePiece,
  templateText,
  templateUri,
} from './arbitraries';
import { assertInside, splitLines } from './checks';
import { entriesOf } from '../../server/src/parser/document';

const svc = new DsmLanguageService();

/** Everything a document says, as plain data (value words included), to compare two parses. */
function project(doc: DsmDocument) {
  const entry = (e: Entry | undefined) =>
    e === undefined
      ? null
      : e.kind === 'comment'
        ? { kind: e.kind, line: e.line, marker: e.marker, start: e.start, end: e.end, text: e.text }
        : e.kind === 'template'
          ? { kind: e.kind, line: e.line, start: e.start, end: e.end }
          : {
              kind: e.kind,
              line: e.line,
              indent: e.indent,
              name: { ...e.name },
              values: e.values.map((w) => ({ ...w })),
              resolution: e.resolution.kind,
              option: e.option?.name,
            };
  return {
    lineCount: doc.lineCount,
    eol: doc.eol,
    fileKind: doc.fileKind,
    byLine: doc.byLine.map(entry),
    entries: entriesOf(doc).map((e) => e.line),
    options: doc.options.map((e) => e.line),
    comments: doc.comments.map((e) => e.line),
    stanzas: doc.stanzas.map((s) => ({
      kind: s.kind,
      name: s.name,
      header: s.header.line,
      endLine: s.endLine,
      options: s.options.map((o) => o.line),
    })),
    unscoped: doc.unscoped.map((o) => o.line),
    template: doc.template && {
      dialect: doc.template.dialect,
      placeholders: doc.template.placeholders,
      spans: doc.template.spans,
      blocks: doc.template.blocks,
      // Each line's frame, as the chain of (block's line, branch) from the innermost out.
      frames: doc.template.frames.map((f) => {
        const chain: number[][] = [];
        for (let x = f; x; x = x.parent) chain.push([x.block.line, x.branch]);
        return chain;
      }),
    },
  };
}

/** An edit, its positions given as fractions of the document so that they land inside it (or just past its end). */
const edit = fc.record({
  kind: fc.constantFrom(
    'type',
    'type',
    'type',
    'delete',
    'delete',
    'replace line',
    'insert lines',
    'join lines',
    'full',
  ),
  line: fc.nat(),
  character: fc.nat(),
  length: fc.integer({ min: 0, max: 6 }),
  text: fc.oneof(junk, fc.constantFrom('x', ' ', '"', "'", '*', '#', '\t', 'PROMPTED', 'SErvername b', '\uFEFF')),
  lines: fc.array(fc.tuple(lineArb, eol), { maxLength: 3 }),
});
type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never;

function change(doc: TextDocument, e: Edit) {
  const lines = splitLines(doc.getText());
  const line = e.line % (lines.length + 1); // sometimes one past the last line
  const length = lines[line]?.length ?? 0;
  const character = e.character % (length + 2); // sometimes past the end of the line
  const at = { line, character };
  switch (e.kind) {
    case 'type':
      return { range: { start: at, end: at }, text: e.text };
    case 'delete':
      return { range: { start: at, end: { line, character: character + e.length } }, text: '' };
    case 'replace line':
      return { range: { start: { line, character: 0 }, end: { line, character: length } }, text: e.text };
    case 'insert lines':
      return { range: { start: at, end: at }, text: e.lines.map(([l, b]) => b + l).join('') };
    case 'join lines':
      return { range: { start: { line, character: length }, end: { line: line + 1, character: 0 } }, text: e.text };
    default:
      return { text: e.lines.map(([l, b]) => l + b).join('') };
  }
}

/**
 * Applies the batches of edits as the server does and checks, after each,
 * that the document kept up to date equals a whole parse, with the same
 * diagnostics. Returns how many batches were re-parsed line by line.
 */
function editSequence(text: string, uri: string, batches: Edit[][]): number {
  let reparsed = 0;
  const td = TextDocument.create(uri, 'dsm', 1, text);
  let doc = svc.parse(text, uri);
  let version = 1;
  for (const batch of batches) {
    const changes = batch.map((e) => change(td, e));
    const before = td.lineCount;
    const lines = linesChangedInPlace(changes, before);
    TextDocument.update(td, changes, ++version);
    const now = td.getText();
    if (lines && td.lineCount === before) {
      const starts = new Map([...lines].map((l) => [l, td.offsetAt({ line: l, character: 0 })]));
      doc = svc.reparse(doc, now, starts);
      reparsed++;
    } else {
      doc = svc.parse(now, uri);
    }
    const whole = svc.parse(now, uri);
    assert.deepEqual(
      project(doc),
      project(whole),
      `after ${JSON.stringify(changes)}\n--- text ---\n${JSON.stringify(now)}`,
    );
    const diagnostics = svc.diagnostics(doc);
    assert.deepEqual(diagnostics, svc.diagnostics(whole), 'the same diagnostics');
    const textLines = splitLines(now);
    for (const d of diagnostics) assertInside(textLines, d.range, `diagnostic ${d.code}`);
    svc.documentSymbols(doc);
    svc.foldingRanges(doc);
  }
  return reparsed;
}

const batches = (edits: fc.Arbitrary<Edit>) =>
  fc.array(fc.array(edits, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 12 });

for (const { seed, label } of SEEDS)
  describe(`random edit sequences (fast-check, ${label})`, () => {
    it('keep the document the server re-parses line by line equal to a whole parse, and analysis never throws', () => {
      let reparsed = 0;
      fc.assert(
        fc.property(documentText, namedUri, batches(edit), (text, uri, b) => {
          reparsed += editSequence(text, uri, b);
        }),
        { seed, numRuns: 300 },
      );
      assert.ok(
        reparsed > 500,
        `only ${reparsed} line-by-line re-parses: the generator should make more edits inside a line`,
      );
    });

    it('in templates too, where an edit may open or close a tag that spans lines, or a block', () => {
      // Typing and deleting template syntax: tags whole, halves of tags, block keywords.
      const templateEdit = edit.chain((e) =>
        fc.oneof(
          fc.constant(e),
          templatePiece.map((text) => ({ ...e, text })),
        ),
      );
      let reparsed = 0;
      fc.assert(
        fc.property(templateText, templateUri, batches(templateEdit), (text, uri, b) => {
          reparsed += editSequence(text, uri, b);
        }),
        { seed, numRuns: 300 },
      );
      assert.ok(reparsed > 500, `only ${reparsed} line-by-line re-parses`);
    });
  });
