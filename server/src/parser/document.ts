/**
 * The parser: one tolerant pass over the text, line by line.
 *
 * Every line is blank, a comment (first non-blank `*`, also `#`), or an
 * option: a name, then value words. Nothing here throws on bad input; what
 * cannot be understood is kept as words for the features to judge.
 * Columns are UTF-16 code units (JavaScript string indices), as LSP requires.
 */
import { OptionSpec, OptionTable } from '../model/optionTable';
import { Resolution } from '../model/abbreviations';
import { FileKind, detectFileKind, LayoutSetting } from './fileKind';

export interface Word {
  /** The text, without its surrounding quotes. */
  text: string;
  /** Columns of the word in its line, quotes included (end exclusive). */
  start: number;
  end: number;
  quote?: '"' | "'";
  /** A quote opened and not closed before the end of the line. */
  unterminated?: boolean;
}

export interface OptionLine {
  kind: 'option';
  line: number;
  /** The blanks before the name, as written (spaces and tabs). */
  indent: string;
  name: Word;
  values: Word[];
  /** Which option the name stands for, under the abbreviation rule. */
  resolution: Resolution<OptionSpec>;
  /** The option, when the name resolves to exactly one. */
  option?: OptionSpec;
}

export interface CommentLine {
  kind: 'comment';
  line: number;
  marker: '*' | '#';
  /** Columns of the comment, from its marker to its last non-blank character. */
  start: number;
  end: number;
  /** The text after the marker, trimmed. */
  text: string;
}

export type Entry = OptionLine | CommentLine;

export interface Stanza {
  /** `server` for SErvername, `replserver` for REPLSERVERName. */
  kind: 'server' | 'replserver';
  name: string;
  header: OptionLine;
  /** The stanza's options, after its header. */
  options: OptionLine[];
  /** The stanza runs from its header line to endLine, inclusive. */
  endLine: number;
}

export interface DsmDocument {
  uri: string;
  lineCount: number;
  /** The file's own line ending (its first one), used for inserted lines. */
  eol: '\n' | '\r\n' | '\r';
  fileKind: FileKind;
  /** Non-blank lines, in order. */
  entries: Entry[];
  options: OptionLine[];
  comments: CommentLine[];
  /** dsm.sys stanzas, in order; empty for dsm.opt. */
  stanzas: Stanza[];
  /** Options outside any stanza: in dsm.sys those before the first one, in dsm.opt all of them. */
  unscoped: OptionLine[];
  /** The entry on each line, for position look-ups. */
  byLine: (Entry | undefined)[];
}

export interface ParseOptions {
  table: OptionTable;
  layout?: LayoutSetting;
}

const SPACE = 32;
const TAB = 9;
const BOM = 0xfeff;
const STAR = 42;
const HASH = 35;
const DQUOTE = 34;
const SQUOTE = 39;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === BOM;
}

/** Splits the value part of a line into words; quoted words may hold blanks. */
function scanWords(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === DQUOTE || c === SQUOTE) {
      const close = text.indexOf(c === DQUOTE ? '"' : "'", i + 1);
      if (close === -1 || close >= to) {
        words.push({ text: text.slice(i + 1, to), start, end: to, quote: c === DQUOTE ? '"' : "'", unterminated: true });
        i = to;
      } else {
        words.push({ text: text.slice(i + 1, close), start, end: close + 1, quote: c === DQUOTE ? '"' : "'" });
        i = close + 1;
      }
      continue;
    }
    while (i < to && !isBlank(text.charCodeAt(i))) i++;
    words.push({ text: text.slice(start, i), start, end: i });
  }
  return words;
}

/**
 * Parses one line (given as [from, to) in the whole text) into an entry,
 * or undefined for a blank line. Columns are relative to the line start.
 */
function parseLine(text: string, from: number, to: number, line: number, table: OptionTable): Entry | undefined {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  if (i === to) return undefined;
  let end = to;
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  const first = text.charCodeAt(i);
  if (first === STAR || first === HASH) {
    return {
      kind: 'comment',
      line,
      marker: first === STAR ? '*' : '#',
      start: i - from,
      end: end - from,
      text: text.slice(i + 1, end).trim(),
    };
  }
  const nameStart = i;
  while (i < end && !isBlank(text.charCodeAt(i))) i++;
  const nameText = text.slice(nameStart, i);
  const resolution = table.resolve(nameText);
  const values = scanWords(text, i, end);
  for (const w of values) {
    w.start -= from;
    w.end -= from;
  }
  return {
    kind: 'option',
    line,
    indent: text.slice(from, nameStart).replace(/\uFEFF/g, ''),
    name: { text: nameText, start: nameStart - from, end: i - from },
    values,
    resolution,
    option: resolution.kind === 'match' ? resolution.item : undefined,
  };
}

/** Is this option line a stanza header (SErvername or REPLSERVERName)? */
export function stanzaKind(entry: OptionLine): Stanza['kind'] | undefined {
  if (isOption(entry, 'servername')) return 'server';
  if (isOption(entry, 'replservername')) return 'replserver';
  return undefined;
}

/** Does this line set the option with this full name (any case)? */
export function isOption(entry: OptionLine, fullName: string): boolean {
  return entry.option !== undefined && entry.option.name.toLowerCase() === fullName;
}

export function parseDocument(text: string, uri: string, opts: ParseOptions): DsmDocument {
  const entries: Entry[] = [];
  const byLine: (Entry | undefined)[] = [];
  let eol: DsmDocument['eol'] | undefined;
  let line = 0;
  let from = 0;
  const length = text.length;
  for (;;) {
    // Find the end of this line: \n, \r\n or a lone \r, as LSP counts lines.
    let to = from;
    while (to < length) {
      const c = text.charCodeAt(to);
      if (c === 10 || c === 13) break;
      to++;
    }
    const entry = parseLine(text, from, to, line, opts.table);
    if (entry) {
      entries.push(entry);
      byLine[line] = entry;
    }
    if (to >= length) break;
    let next = to + 1;
    if (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10) next++;
    eol ??= next - to === 2 ? '\r\n' : text.charCodeAt(to) === 13 ? '\r' : '\n';
    from = next;
    line++;
  }
  const lineCount = line + 1;
  const options = entries.filter((e): e is OptionLine => e.kind === 'option');
  const comments = entries.filter((e): e is CommentLine => e.kind === 'comment');
  const fileKind = detectFileKind(uri, options, opts.layout ?? 'auto');

  const stanzas: Stanza[] = [];
  const unscoped: OptionLine[] = [];
  for (const o of options) {
    const kind = fileKind === 'sys' ? stanzaKind(o) : undefined;
    if (kind) {
      if (stanzas.length) stanzas[stanzas.length - 1].endLine = o.line - 1;
      stanzas.push({ kind, name: o.values[0]?.text ?? '', header: o, options: [], endLine: lineCount - 1 });
    } else if (stanzas.length) {
      stanzas[stanzas.length - 1].options.push(o);
    } else {
      unscoped.push(o);
    }
  }
  return { uri, lineCount, eol: eol ?? '\n', fileKind, entries, options, comments, stanzas, unscoped, byLine };
}

/** The stanza a line belongs to, if any (binary search over the stanzas). */
export function stanzaAt(doc: DsmDocument, line: number): Stanza | undefined {
  let lo = 0;
  let hi = doc.stanzas.length - 1;
  let found: Stanza | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (doc.stanzas[mid].header.line <= line) {
      found = doc.stanzas[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/** The options that share a scope with a line: its stanza's (header included), or the file's unscoped ones. */
export function scopeOptions(doc: DsmDocument, line: number): OptionLine[] {
  const stanza = stanzaAt(doc, line);
  return stanza ? [stanza.header, ...stanza.options] : doc.unscoped;
}
