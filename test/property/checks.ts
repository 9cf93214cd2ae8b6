/** Checks shared by the property tests: ranges inside the text, and edits applied strictly. */
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range, TextEdit } from 'vscode-languageserver-types';

/** The lines of a text as LSP counts them (\n, \r\n and a lone \r end a line). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Fails unless the range lies inside the text: each end on an existing line, at or before its end, and start <= end. */
export function assertInside(lines: string[], range: Range, what: string): void {
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    assert.ok(
      Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length,
      `${what}: ${name} line ${p.line} is not in the document (${lines.length} lines)`,
    );
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line].length,
      `${what}: ${name} character ${p.character} is past the end of line ${p.line} (length ${lines[p.line].length})`,
    );
  }
  const before =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: range ends before it starts`);
}

/** The offset of each line start. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
    if (c === 10 || c === 13) starts.push(i + 1);
  }
  return starts;
}

/**
 * Applies edits the strict way: every range must lie inside the text and no
 * two may overlap; the text between and around them is copied unchanged.
 * The result must equal what an editor (TextDocument.applyEdits) makes.
 */
export function applyStrictly(text: string, edits: TextEdit[], what: string): string {
  const lines = splitLines(text);
  const starts = lineStarts(text);
  const spans = edits.map((e, i) => {
    assertInside(lines, e.range, `${what}, edit ${i}`);
    return {
      from: starts[e.range.start.line] + e.range.start.character,
      to: starts[e.range.end.line] + e.range.end.character,
      text: e.newText,
      i,
    };
  });
  spans.sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  let out = '';
  let at = 0;
  for (const s of spans) {
    assert.ok(s.from >= at, `${what}: edits overlap at offset ${s.from}`);
    out += text.slice(at, s.from) + s.text;
    at = s.to;
  }
  out += text.slice(at);
  const editor = TextDocument.applyEdits(TextDocument.create('file:///x', 'dsm', 1, text), edits);
  assert.equal(out, editor, `${what}: the editor applies the edits differently`);
  return out;
}
