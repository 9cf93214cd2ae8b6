/**
 * Document and range formatting, only when asked: the values of each dsm.sys
 * stanza (of a dsm.opt: the whole file) in one column, the stanza's option
 * lines indented alike in the file's own style (the indent most of them
 * use), trailing blanks removed. Every word keeps its bytes and quotes;
 * comments keep their text and indent; line endings are never touched. A
 * line the formatter does not understand (an unknown name, an unterminated
 * quote, a blank that is not a space or tab) is left exactly as it is, and
 * does not count for the column. Option names stay as written unless
 * `dsm.format.canonicalNames` asks for the table's capitals (the same
 * letters, as IBM writes them). Formatting twice changes nothing more.
 */
import { Range, TextEdit } from 'vscode-languageserver-types';
import type { DsmDocument, OptionLine } from '../../parser/types';

export interface FormatOptions {
  /** Write each option name with the table's capitals (same length, so an abbreviation stays one). */
  canonicalNames: boolean;
}

const BOM = '\uFEFF';

/** The lines of a text as LSP counts them, without their line endings, and the ending after each ('' after the last). */
function splitLines(text: string): { lines: string[]; endings: string[] } {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: string[] = [];
  const endings: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    lines.push(parts[i]);
    endings.push(parts[i + 1] ?? '');
  }
  return { lines, endings };
}

/** A line between a lone \r and a \n must not become empty: the two line endings would become one (\r\n). */
function joinsLineEndings(endings: readonly string[], line: number): boolean {
  return line > 0 && endings[line - 1] === '\r' && endings[line] === '\n';
}

/** Only spaces and tabs: the blanks the formatter may rewrite. */
function onlySpacesAndTabs(s: string): boolean {
  return /^[ \t]*$/.test(s);
}

function trimEndBlanks(s: string): string {
  return s.replace(/[ \t]+$/, '');
}

/** The line before its name: a BOM it starts with (kept), then the indent, which must be spaces and tabs to be rewritten. */
function leadOf(line: string, o: OptionLine): { bom: string; indent: string } | undefined {
  const lead = line.slice(0, o.name.start);
  const bom = lead.startsWith(BOM) ? BOM : '';
  const indent = lead.slice(bom.length);
  return onlySpacesAndTabs(indent) ? { bom, indent } : undefined;
}

/** Can the formatter rewrite this option line without guessing? */
function understood(line: string, o: OptionLine): boolean {
  if (!o.option || !leadOf(line, o)) return false;
  const values = o.values;
  if (values.some((w) => w.unterminated)) return false;
  // After the last word, only the trailing blanks that go: nothing else the parser skips (a BOM) may be dropped.
  const end = values.length ? values[values.length - 1].end : o.name.end;
  return (
    onlySpacesAndTabs(line.slice(end)) && (!values.length || onlySpacesAndTabs(line.slice(o.name.end, values[0].start)))
  );
}

/** The name as written, or with the table's capitals over the same letters. */
function nameOf(o: OptionLine, options: FormatOptions): string {
  const written = o.name.text;
  const canonical = o.option?.name;
  if (!options.canonicalNames || !canonical || !canonical.toLowerCase().startsWith(written.toLowerCase()))
    return written;
  return canonical.slice(0, written.length);
}

/** The value most of the items give (the first of those seen most often). */
function mostCommon<T>(items: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  for (const item of items) {
    const n = (counts.get(item) ?? 0) + 1;
    counts.set(item, n);
    if (best === undefined || n > counts.get(best)!) best = item;
  }
  return best;
}

/** How a group of option lines is laid out: one indent, and the value column counted from the name's start. */
interface Layout {
  indent: string;
  valueOffset: number;
}

/**
 * The layout of a group: the indent most of its lines use, and the value
 * column most of them use, moved right when a name would not fit before it.
 * Lines it does not understand have no say.
 */
function layoutOf(lines: readonly string[], group: readonly OptionLine[]): Layout | undefined {
  const known = group.filter((o) => understood(lines[o.line], o));
  if (!known.length) return undefined;
  const indent = mostCommon(known.map((o) => leadOf(lines[o.line], o)!.indent))!;
  const withValues = known.filter((o) => o.values.length);
  const longest = Math.max(0, ...withValues.map((o) => o.name.text.length));
  const offsets = withValues.map((o) => o.values[0].start - o.name.start).sort((a, b) => a - b);
  return { indent, valueOffset: Math.max(longest + 1, mostCommon(offsets) ?? 0) };
}

/** An option line of a group, laid out. A line that starts with a BOM keeps what stands before its name: nothing is put between the BOM and the name. */
function optionText(line: string, o: OptionLine, layout: Layout, options: FormatOptions): string {
  const lead = leadOf(line, o)!.bom ? line.slice(0, o.name.start) : layout.indent;
  const name = nameOf(o, options);
  const values = o.values;
  if (!values.length) return lead + name;
  const rest = line.slice(values[0].start, values[values.length - 1].end);
  return lead + name + ' '.repeat(layout.valueOffset - name.length) + rest;
}

/** A stanza header: only its name (canonical) and trailing blanks change. */
function headerText(line: string, o: OptionLine, options: FormatOptions): string {
  if (o.values.some((w) => w.unterminated)) return line;
  return trimEndBlanks(line.slice(0, o.name.start) + nameOf(o, options) + line.slice(o.name.end));
}

/** The groups whose values share a column: each dsm.sys stanza (and what stands before the first); a dsm.opt whole. */
function groups(doc: DsmDocument): { body: OptionLine[]; header?: OptionLine }[] {
  if (doc.fileKind !== 'sys') return [{ body: doc.options }];
  return [{ body: doc.unscoped }, ...doc.stanzas.map((s) => ({ body: s.options, header: s.header }))];
}

/** The new text of every line, as the formatter lays it out. */
function formattedLines(doc: DsmDocument, lines: readonly string[], options: FormatOptions): string[] {
  // Blank lines, comments and anything not laid out below: trailing blanks go.
  const out = lines.map((line, i) => (doc.byLine[i]?.kind === 'option' ? line : trimEndBlanks(line)));
  for (const group of groups(doc)) {
    if (group.header) out[group.header.line] = headerText(lines[group.header.line], group.header, options);
    const layout = layoutOf(lines, group.body);
    if (!layout) continue;
    for (const o of group.body)
      if (understood(lines[o.line], o)) out[o.line] = optionText(lines[o.line], o, layout, options);
  }
  return out;
}

/** The smallest edit that turns one line into the other: what both start and end with stays (never half a surrogate pair). */
function lineEdit(line: number, before: string, after: string): TextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  if (start > 0 && /[\uD800-\uDBFF]/.test(before[start - 1])) start--;
  let end = 0;
  while (
    end < before.length - start &&
    end < after.length - start &&
    before[before.length - 1 - end] === after[after.length - 1 - end]
  )
    end++;
  if (end > 0 && /[\uDC00-\uDFFF]/.test(before[before.length - end])) end--;
  return TextEdit.replace(Range.create(line, start, line, before.length - end), after.slice(start, after.length - end));
}

/**
 * The edits that format the document, or only the lines a range touches (a
 * range that ends at the start of a line leaves that line out). The column
 * of a stanza is the same either way: it is computed from the whole stanza.
 */
export function formatting(doc: DsmDocument, text: string, options: FormatOptions, range?: Range): TextEdit[] {
  const { lines, endings } = splitLines(text);
  // The parse is of another text: change nothing rather than something wrong.
  if (lines.length !== doc.lineCount) return [];
  const first = range ? Math.max(0, range.start.line) : 0;
  const lastLine = range
    ? range.end.character === 0 && range.end.line > range.start.line
      ? range.end.line - 1
      : range.end.line
    : lines.length - 1;
  const out = formattedLines(doc, lines, options);
  const edits: TextEdit[] = [];
  for (let i = first; i <= Math.min(lastLine, lines.length - 1); i++) {
    if (out[i] === lines[i] || (out[i] === '' && joinsLineEndings(endings, i))) continue;
    edits.push(lineEdit(i, lines[i], out[i]));
  }
  return edits;
}
