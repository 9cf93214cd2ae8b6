/**
 * The scanner: one line of text into an entry (blank, comment or option),
 * reading the characters in place. Option names are resolved once per
 * distinct spelling (NameCache); value words are read on first access.
 * Columns are UTF-16 code units (JavaScript string indices), as LSP requires.
 */
import { OptionSpec } from '../model/optionTable';
import { Resolution } from '../model/abbreviations';
import { NameCache, nameWord } from './names';
import type { CommentLine, Entry, OptionLine, Word } from './types';

export const SPACE = 32;
export const TAB = 9;
const BOM = 0xfeff;
export const STAR = 42;
export const HASH = 35;
export const DQUOTE = 34;
export const SQUOTE = 39;

export function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === BOM;
}

/** Shared indent strings of spaces only and of tabs only, by length. */
const SPACES: string[] = [''];
const TABS: string[] = [''];
const MAX_SHARED_INDENT = 64;

/** The blanks in [from, to), without any BOM, as written. */
export function indentOf(text: string, from: number, to: number): string {
  const n = to - from;
  if (n === 0) return '';
  if (n <= MAX_SHARED_INDENT) {
    const c0 = text.charCodeAt(from);
    if (c0 === SPACE || c0 === TAB) {
      let same = true;
      for (let i = from + 1; i < to; i++) {
        if (text.charCodeAt(i) !== c0) {
          same = false;
          break;
        }
      }
      if (same) {
        const shared = c0 === SPACE ? SPACES : TABS;
        for (let k = shared.length; k <= n; k++) shared[k] = shared[k - 1] + (c0 === SPACE ? ' ' : '\t');
        return shared[n];
      }
    }
  }
  const raw = text.slice(from, to);
  return raw.indexOf('\uFEFF') === -1 ? raw : raw.replace(/\uFEFF/g, '');
}

/**
 * Splits the value part of a line ([from, to) of the text) into words;
 * quoted words may hold blanks. Columns are relative to `base`, the line start.
 */
function scanWords(text: string, from: number, to: number, base: number): Word[] {
  // Collected in a scratch array, then copied to one of the exact length: a
  // growing array would keep spare capacity, for every line of the file.
  const words = scratchWords;
  words.length = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === DQUOTE || c === SQUOTE) {
      // The closing quote, searched for within this line only.
      let close = i + 1;
      while (close < to && text.charCodeAt(close) !== c) close++;
      const quote = c === DQUOTE ? '"' : "'";
      if (close >= to) {
        words.push({ text: text.slice(i + 1, to), start: start - base, end: to - base, quote, unterminated: true });
        i = to;
      } else {
        words.push({ text: text.slice(i + 1, close), start: start - base, end: close + 1 - base, quote });
        i = close + 1;
      }
      continue;
    }
    while (i < to && !isBlank(text.charCodeAt(i))) i++;
    words.push({ text: text.slice(start, i), start: start - base, end: i - base });
  }
  if (words.length === 0) return [];
  const exact = words.slice();
  words.length = 0;
  return exact;
}

const scratchWords: Word[] = [];

/** Is this one of the characters String.prototype.trim removes (white space and line terminators)? */
function isTrimmed(c: number): boolean {
  return (
    c === SPACE ||
    c === TAB ||
    (c >= 10 && c <= 13) ||
    c === 0xa0 ||
    c === BOM ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** text.slice(from, to).trim(), without making the untrimmed string. */
function trimmedSlice(text: string, from: number, to: number): string {
  while (from < to && isTrimmed(text.charCodeAt(from))) from++;
  while (to > from && isTrimmed(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

/**
 * Parses one line (given as [from, to) in the whole text) into an entry,
 * or undefined for a blank line. Columns are relative to the line start.
 */
export function parseLine(text: string, from: number, to: number, line: number, names: NameCache): Entry | undefined {
  let i = from;
  while (i < to && isBlank(text.charCodeAt(i))) i++;
  if (i === to) return undefined;
  let end = to;
  while (end > i && isBlank(text.charCodeAt(end - 1))) end--;
  const first = text.charCodeAt(i);
  if (first === STAR || first === HASH) return commentLine(text, from, i, end, line);
  const nameStart = i;
  while (i < end && !isBlank(text.charCodeAt(i))) i++;
  const name = names.get(text, nameStart, i);
  return new ParsedOptionLine(
    line,
    indentOf(text, from, nameStart),
    nameWord(name, nameStart - from),
    name.resolution,
    name.option,
    text,
    from,
    end,
  );
}

/** The comment whose marker is at `i`, up to `end` (its last non-blank character). */
export function commentLine(text: string, from: number, i: number, end: number, line: number): CommentLine {
  return {
    kind: 'comment',
    line,
    marker: text.charCodeAt(i) === STAR ? '*' : '#',
    start: i - from,
    end: end - from,
    text: trimmedSlice(text, i + 1, end),
  };
}

/**
 * An option line as the parser makes it: everything but the value words is
 * read at once; those are read from the text on first access (see
 * OptionLine.values), which halves what a large parse keeps in memory.
 * The entries of a document are not to be changed by anyone.
 */
class ParsedOptionLine implements OptionLine {
  readonly kind = 'option' as const;
  private words: Word[] | undefined = undefined;

  constructor(
    readonly line: number,
    readonly indent: string,
    readonly name: Word,
    readonly resolution: Resolution<OptionSpec>,
    readonly option: OptionSpec | undefined,
    /** The whole document text, the line's start in it, and where its last non-blank character ends. */
    private readonly source: string,
    private readonly lineStart: number,
    private readonly contentEnd: number,
  ) {}

  get values(): Word[] {
    return (this.words ??= scanWords(this.source, this.lineStart + this.name.end, this.contentEnd, this.lineStart));
  }

  /** See unquotedWordThen. */
  /** See unquotedPathThen. Asked of every include and exclude line of a large file: answered with native searches
   * whose results are kept from line to line, so that the file's characters are read once in all. */
  unquotedPathThen(): boolean {
    const text = this.source;
    const end = this.contentEnd;
    let i = this.lineStart + this.name.end;
    while (i < end && isBlank(text.charCodeAt(i))) i++;
    const first = text.charCodeAt(i);
    if (i >= end || first === DQUOTE || first === SQUOTE) return false;
    const wordEnd = Math.min(nextSpace.after(text, i), nextTab.after(text, i));
    return wordEnd < end && Math.min(nextSlash.after(text, wordEnd), nextBackslash.after(text, wordEnd)) < end;
  }
}

/**
 * The next place of one character in a text, from a position: remembered,
 * so that questions asked in increasing order (the lines of a document, top
 * to bottom) search each text once. Infinity when there is none.
 */
class NextChar {
  private text = '';
  private from = 0;
  private at = -1;

  constructor(private readonly ch: string) {}

  after(text: string, i: number): number {
    if (text !== this.text || i < this.from || (this.at !== -1 && this.at < i)) {
      this.text = text;
      this.from = i;
      this.at = text.indexOf(this.ch, i);
    }
    return this.at === -1 ? Infinity : this.at;
  }
}

const nextSpace = new NextChar(' ');
const nextTab = new NextChar('\t');
const nextSlash = new NextChar('/');
const nextBackslash = new NextChar('\\');

/**
 * Is a line's value, as written, an unquoted word followed, after a blank, by
 * a word with a path separator (/ or \)? Read from the text in place,
 * allocating nothing: for a check that concerns a few lines among many (most
 * of a large dsm.sys is include and exclude lines), which then splits only
 * those into words.
 */
export function unquotedPathThen(o: OptionLine): boolean {
  if (o instanceof ParsedOptionLine) return o.unquotedPathThen();
  const [first, ...rest] = o.values;
  return first !== undefined && !first.quote && rest.some((w) => /[\\/]/.test(w.text));
}

export function collect(entry: Entry, options: OptionLine[], comments: CommentLine[]): void {
  if (entry.kind === 'option') options.push(entry);
  else if (entry.kind === 'comment') comments.push(entry);
}

/** A copy of a string that shares no storage with the string it was cut from. */
export function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
