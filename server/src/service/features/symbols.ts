/** Outline (stanzas with their options) and folding (stanzas, comment blocks, a template's if/for blocks). */
import { DocumentSymbol, FoldingRange, FoldingRangeKind, Range, SymbolKind } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, Stanza } from '../../parser/document';
import { lineRange } from './diagnostics/rule';

function optionSymbol(o: OptionLine): DocumentSymbol {
  const range = lineRange(o);
  return {
    name: o.option ? o.option.name.toUpperCase() : o.name.text,
    detail: o.values.map((w) => w.text).join(' '),
    kind: SymbolKind.Property,
    range,
    selectionRange: Range.create(o.line, o.name.start, o.line, o.name.end),
  };
}

/** The last line of a stanza that holds something, so trailing blank lines stay outside it. */
function lastContentLine(doc: DsmDocument, from: number, to: number): number {
  for (let l = to; l > from; l--) if (doc.byLine[l]) return l;
  return from;
}

export function documentSymbols(doc: DsmDocument): DocumentSymbol[] {
  const symbols = doc.unscoped.map(optionSymbol);
  for (const s of doc.stanzas) {
    const last = lastContentLine(doc, s.header.line, s.endLine);
    const lastEntry = doc.byLine[last];
    const endChar = lastEntry ? (lastEntry.kind === 'option' ? lineRange(lastEntry).end.character : lastEntry.end) : 0;
    symbols.push({
      name: s.name || '(unnamed)',
      detail: s.kind === 'server' ? 'server stanza' : 'replication server stanza',
      kind: SymbolKind.Namespace,
      range: Range.create(s.header.line, s.header.name.start, last, endChar),
      selectionRange: lineRange(s.header),
      // A template's alternative stanzas share the options after them: each shows those inside its own range.
      children: s.options.filter((o) => o.line <= last).map(optionSymbol),
    });
  }
  return symbols;
}

/** Where a stanza folds to: its last line with content, kept inside the template block (a loop) its header stands in. */
function stanzaFoldEnd(doc: DsmDocument, s: Stanza): number {
  const block = doc.template?.frames[s.header.line]?.block;
  return lastContentLine(
    doc,
    s.header.line,
    block && block.endLine > s.header.line ? Math.min(s.endLine, block.endLine - 1) : s.endLine,
  );
}

export function foldingRanges(doc: DsmDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const s of doc.stanzas) {
    const last = stanzaFoldEnd(doc, s);
    if (last > s.header.line) ranges.push({ startLine: s.header.line, endLine: last });
  }
  // A template's blocks fold from the opening tag to the line before the closing one.
  for (const b of doc.template?.blocks ?? [])
    if (b.endLine - 1 > b.line) ranges.push({ startLine: b.line, endLine: b.endLine - 1 });
  let blockStart = -1;
  let previous = -2;
  const close = () => {
    if (blockStart >= 0 && previous > blockStart)
      ranges.push({ startLine: blockStart, endLine: previous, kind: FoldingRangeKind.Comment });
  };
  for (const c of doc.comments) {
    if (c.line !== previous + 1) {
      close();
      blockStart = c.line;
    }
    previous = c.line;
  }
  close();
  return ranges;
}
