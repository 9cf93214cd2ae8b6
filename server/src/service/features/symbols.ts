/** Outline (stanzas with their options) and folding (stanzas, comment blocks). */
import { DocumentSymbol, FoldingRange, FoldingRangeKind, Range, SymbolKind } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine } from '../../parser/document';
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
      children: s.options.map(optionSymbol),
    });
  }
  return symbols;
}

export function foldingRanges(doc: DsmDocument): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  for (const s of doc.stanzas) {
    const last = lastContentLine(doc, s.header.line, s.endLine);
    if (last > s.header.line) ranges.push({ startLine: s.header.line, endLine: last });
  }
  let blockStart = -1;
  let previous = -2;
  const close = () => {
    if (blockStart >= 0 && previous > blockStart) ranges.push({ startLine: blockStart, endLine: previous, kind: FoldingRangeKind.Comment });
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
