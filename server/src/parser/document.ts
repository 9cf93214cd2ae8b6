/**
 * The parser: one tolerant pass over the text, line by line.
 *
 * Every line is blank, a comment (first non-blank `*`, also `#`), or an
 * option: a name, then value words. Nothing here throws on bad input; what
 * cannot be understood is kept as words for the features to judge.
 * Columns are UTF-16 code units (JavaScript string indices), as LSP requires.
 *
 * A file kept as a template (its name says so: `dsm.sys.j2`, `dsm.sys.template`;
 * or its text holds `{{`, `{%` or `<%`) is read by a second path (see "Templates" below): its tags are found first, then each
 * line that holds one is read around them. Plain files never take that path.
 */
import { OptionSpec, OptionTable } from '../model/optionTable';
import { Resolution } from '../model/abbreviations';
import { detectFileKind, holdsDialectMarks, templateDialect, templateSyntax } from './fileKind';
import { FrameBuilder, ScannedTag, endOfLine, exclusive, holdsTemplateMarks, lineHasTemplate, scanTemplate } from './template';
import type { CommentLine, DsmDocument, Entry, LayoutSetting, OptionLine, Stanza, TemplateFrame, TemplateInfo, TemplateSpan, TemplateSyntax, Word } from './types';

export type { CommentLine, DsmDocument, Entry, FileKind, LayoutSetting, OptionLine, Stanza, TemplateLine, Word } from './types';

export interface ParseOptions {
  table: OptionTable;
  layout?: LayoutSetting;
  /** An INCLExcl option of a known options file names this document: it is an include-exclude file, whatever its name. */
  inclExclTarget?: boolean;
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

/*
 * Performance notes. A large file is mostly include/exclude lines, and what
 * costs there is not the scanning but the garbage collector: every object
 * the parse keeps alive is copied by the young-generation collector and then
 * promoted, so the parser keeps as few distinct objects per line as it can.
 * Option names, their resolutions and indents repeat from line to line, so
 * they are shared (interned) instead of allocated per line; the strings the
 * parse keeps are the same strings either way.
 */

/** A name as written, with what it resolves to: one object per distinct spelling, shared by every line that uses it. */
interface NameInfo {
  text: string;
  resolution: Resolution<OptionSpec>;
  option: OptionSpec | undefined;
  /** The name's Word at each start column (up to MAX_SHARED_COLUMN): lines written alike share it. */
  words: Word[];
  hash: number;
}

const MAX_SHARED_COLUMN = 64;

/** The Word of a name at a column; shared by the lines that write the same name at the same column. */
function nameWord(info: NameInfo, start: number): Word {
  if (start > MAX_SHARED_COLUMN) return { text: info.text, start, end: start + info.text.length };
  return (info.words[start] ??= { text: info.text, start, end: start + info.text.length });
}

/**
 * Per option table, the names already resolved, found by the characters of
 * the line itself (no string is made to look one up). Bounded: emptied when
 * it holds NAME_CACHE_LIMIT spellings.
 */
class NameCache {
  private slots: (NameInfo | undefined)[] = new Array(NAME_CACHE_SLOTS);
  private size = 0;

  constructor(private readonly table: OptionTable) {}

  /** The name written at [from, to) of the text. */
  get(text: string, from: number, to: number): NameInfo {
    const length = to - from;
    if (length > NAME_CACHE_MAX_LENGTH) return this.make(text.slice(from, to));
    let hash = length;
    for (let i = from; i < to; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
    const mask = NAME_CACHE_SLOTS - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const info = this.slots[slot];
      if (info === undefined) break;
      if (info.hash === hash && sameText(info.text, text, from, length)) return info;
    }
    const info = this.make(text.slice(from, to));
    info.hash = hash;
    if (this.size >= NAME_CACHE_LIMIT) {
      this.slots = new Array(NAME_CACHE_SLOTS);
      this.size = 0;
    }
    let slot = hash & mask;
    while (this.slots[slot] !== undefined) slot = (slot + 1) & mask;
    this.slots[slot] = info;
    this.size++;
    return info;
  }

  private make(text: string): NameInfo {
    const resolution = this.table.resolve(text);
    return { text, resolution, option: resolution.kind === 'match' ? resolution.item : undefined, words: [], hash: 0 };
  }
}

function sameText(a: string, text: string, from: number, length: number): boolean {
  if (a.length !== length) return false;
  for (let i = 0; i < length; i++) if (a.charCodeAt(i) !== text.charCodeAt(from + i)) return false;
  return true;
}

/** Open addressing: a power of two, at least twice NAME_CACHE_LIMIT so that probes stay short. */
const NAME_CACHE_SLOTS = 8192;
const NAME_CACHE_LIMIT = 4096;
/** Names longer than this are not cached (they are rarely options, and would make the cache hold large strings). */
const NAME_CACHE_MAX_LENGTH = 64;
const nameCaches = new WeakMap<OptionTable, NameCache>();

/** Shared indent strings of spaces only and of tabs only, by length. */
const SPACES: string[] = [''];
const TABS: string[] = [''];
const MAX_SHARED_INDENT = 64;

/** The blanks in [from, to), without any BOM, as written. */
function indentOf(text: string, from: number, to: number): string {
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
    c === SPACE || c === TAB || (c >= 10 && c <= 13) || c === 0xa0 || c === BOM || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000
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
function parseLine(text: string, from: number, to: number, line: number, names: NameCache): Entry | undefined {
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
  return new ParsedOptionLine(line, indentOf(text, from, nameStart), nameWord(name, nameStart - from), name.resolution, name.option, text, from, end);
}

/** The comment whose marker is at `i`, up to `end` (its last non-blank character). */
function commentLine(text: string, from: number, i: number, end: number, line: number): CommentLine {
  return { kind: 'comment', line, marker: text.charCodeAt(i) === STAR ? '*' : '#', start: i - from, end: end - from, text: trimmedSlice(text, i + 1, end) };
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
  unquotedWordThen(chars: string): boolean {
    const text = this.source;
    let i = this.lineStart + this.name.end;
    while (i < this.contentEnd && isBlank(text.charCodeAt(i))) i++;
    const first = text.charCodeAt(i);
    if (i >= this.contentEnd || first === DQUOTE || first === SQUOTE) return false;
    while (i < this.contentEnd && !isBlank(text.charCodeAt(i))) i++;
    for (; i < this.contentEnd; i++) if (chars.indexOf(text[i]) !== -1) return true;
    return false;
  }
}

/**
 * Is a line's value, as written, an unquoted word followed, after a blank, by
 * one of these characters? Read from the text in place, allocating nothing:
 * for a check that concerns a few lines among many (most of a large dsm.sys
 * is include and exclude lines), which then splits only those into words.
 */
export function unquotedWordThen(o: OptionLine, chars: string): boolean {
  if (o instanceof ParsedOptionLine) return o.unquotedWordThen(chars);
  const [first, ...rest] = o.values;
  return first !== undefined && !first.quote && rest.some((w) => [...w.text].some((c) => chars.includes(c)));
}

/** The lower-case full name of each option, computed once. */
const lowerNames = new WeakMap<OptionSpec, string>();

/** Is this line a stanza header (SErvername or REPLSERVERName)? */
export function stanzaKind(entry: OptionLine): Stanza['kind'] | undefined {
  if (isOption(entry, 'servername')) return 'server';
  if (isOption(entry, 'replservername')) return 'replserver';
  return undefined;
}

/** Does this line set the option with this full name (given in lower case)? */
export function isOption(entry: OptionLine, fullName: string): boolean {
  const option = entry.option;
  if (option === undefined || option.name.length !== fullName.length) return false;
  let lower = lowerNames.get(option);
  if (lower === undefined) {
    lower = option.name.toLowerCase();
    lowerNames.set(option, lower);
  }
  return lower === fullName;
}

function nameCacheFor(table: OptionTable): NameCache {
  let names = nameCaches.get(table);
  if (!names) {
    names = new NameCache(table);
    nameCaches.set(table, names);
  }
  return names;
}

export function parseDocument(text: string, uri: string, opts: ParseOptions): DsmDocument {
  const syntax = templateSyntax(uri, text);
  if (syntax !== undefined) return parseTemplate(text, uri, syntax, opts);
  const byLine: (Entry | undefined)[] = [];
  const entries: Entry[] = [];
  const options: OptionLine[] = [];
  const comments: CommentLine[] = [];
  const names = nameCacheFor(opts.table);
  let eol: DsmDocument['eol'] | undefined;
  let line = 0;
  let from = 0;
  const length = text.length;
  // Line ends are found with indexOf (native, fast); the next \r is looked
  // up again only once it is passed, so a file without any costs nothing.
  let nextLf = text.indexOf('\n');
  let nextCr = text.indexOf('\r');
  for (;;) {
    // The end of this line: \n, \r\n or a lone \r, as LSP counts lines.
    if (nextLf !== -1 && nextLf < from) nextLf = text.indexOf('\n', from);
    if (nextCr !== -1 && nextCr < from) nextCr = text.indexOf('\r', from);
    const to = nextCr === -1 ? (nextLf === -1 ? length : nextLf) : nextLf === -1 ? nextCr : Math.min(nextLf, nextCr);
    const entry = parseLine(text, from, to, line, names);
    // One slot per line, blank lines included, so that byLine stays a dense array.
    byLine.push(entry);
    if (entry !== undefined) collect(entry, entries, options, comments);
    if (to >= length) break;
    let next = to + 1;
    if (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10) next++;
    eol ??= next - to === 2 ? '\r\n' : text.charCodeAt(to) === 13 ? '\r' : '\n';
    from = next;
    line++;
  }
  return assemble(uri, eol ?? '\n', byLine, entries, options, comments, opts);
}

/**
 * The document after edits that changed only the text inside some lines:
 * no line break was added or removed, so every other line is as it was, on
 * the same line number. `changed` maps each changed line to its start offset
 * in the new text. The result is what parseDocument(text) would give; only
 * the changed lines are read again.
 */
export function reparseLines(prev: DsmDocument, text: string, changed: ReadonlyMap<number, number>, opts: ParseOptions): DsmDocument {
  const template = prev.template;
  const names = nameCacheFor(opts.table);
  const byLine = prev.byLine.slice();
  // Unless the name gives the template language, the text does: a line that gains a tag may make the file a template.
  const dialectByName = templateDialect(prev.uri) !== undefined;
  for (const [line, from] of changed) {
    if (line < 0 || line >= byLine.length) throw new RangeError(`line ${line} is not in the document`);
    const to = endOfLine(text, from);
    if (!dialectByName && holdsDialectMarks(text.slice(from, to))) return parseDocument(text, prev.uri, opts);
    // In a template, a line that held template syntax, or now may, can change the meaning of other lines: read it all again.
    if (template && (lineHasTemplate(template.spans, line) || holdsTemplateMarks(text.slice(from, to), template))) return parseDocument(text, prev.uri, opts);
    // The line is parsed from a copy of its own, so that what it keeps (its
    // words) does not hold on to this version of the whole text.
    const own = detach(text.slice(from, to));
    byLine[line] = parseLine(own, 0, own.length, line, names);
  }
  const entries: Entry[] = [];
  const options: OptionLine[] = [];
  const comments: CommentLine[] = [];
  for (const entry of byLine) if (entry !== undefined) collect(entry, entries, options, comments);
  return assemble(prev.uri, prev.eol, byLine, entries, options, comments, opts, template);
}

function collect(entry: Entry, entries: Entry[], options: OptionLine[], comments: CommentLine[]): void {
  entries.push(entry);
  if (entry.kind === 'option') options.push(entry);
  else if (entry.kind === 'comment') comments.push(entry);
}

/*
 * Templates. Their tags are found first, over the whole text (a tag may run
 * over several lines); then each line is read: a line without template
 * syntax exactly as in a plain file, a line with some around its tags.
 *
 * - Control tags (`{% if %}`, `<% end %>`), template comments, and the rest
 *   of a tag begun on an earlier line render as nothing: before the option
 *   name they are skipped; a line holding nothing else is a TemplateLine.
 *   Between words they separate words, and glued to the end of the last word
 *   they are taken off it (`{% if ssl %}SSL yes{% endif %}` is `SSL yes`).
 * - Any other word that holds a tag is flagged `template`: what it says is
 *   known only once rendered. A name so flagged resolves to no option.
 * - The frame of each line (which branch of which block it stands in) is the
 *   one in effect where its entry starts.
 */

/** Reads a template's lines one after the other, keeping track of the tags met and of the branches. */
class TemplateReader {
  /** The first tag that does not end before the current line. */
  private next = 0;
  /** The tags whose control has been applied to the frames. */
  private applied = 0;
  private readonly builder = new FrameBuilder();
  private readonly spans: TemplateSpan[] = [];
  private readonly frames: (TemplateFrame | undefined)[] = [];

  constructor(
    private readonly tags: ScannedTag[],
    private readonly names: NameCache,
  ) {}

  line(text: string, from: number, to: number, line: number): Entry | undefined {
    const tags = this.tags;
    while (this.next < tags.length && tags[this.next].end <= from) this.next++;
    let last = this.next;
    while (last < tags.length && tags[last].start < to) last++;
    for (let k = this.next; k < last; k++) this.record(k, from, to, line);
    const entry = last === this.next ? parseLine(text, from, to, line, this.names) : templateLine(text, from, to, line, this.names, tags.slice(this.next, last));
    const anchor = entry === undefined || entry.kind === 'template' ? to : from + (entry.kind === 'option' ? entry.name.start : entry.start);
    this.applyBefore(anchor, line);
    this.frames.push(this.builder.frame);
    this.applyBefore(to, line);
    return entry;
  }

  finish({ dialect, placeholders }: TemplateSyntax, lastLine: number): TemplateInfo {
    return { dialect, placeholders, spans: this.spans, blocks: this.builder.finish(lastLine), frames: this.frames };
  }

  /** The span of tag k, begun on this line or ending on it. */
  private record(k: number, from: number, to: number, line: number): void {
    const tag = this.tags[k];
    if (tag.start >= from) {
      const at = { line, character: tag.start - from };
      this.spans.push({ kind: tag.kind, range: { start: at, end: at } });
    }
    if (tag.end <= to) this.spans[k].range.end = { line, character: tag.end - from };
  }

  private applyBefore(offset: number, line: number): void {
    while (this.applied < this.tags.length && this.tags[this.applied].start < offset) {
      const control = this.tags[this.applied++].control;
      if (control) this.builder.apply(control, line);
    }
  }
}

function parseTemplate(text: string, uri: string, syntax: TemplateSyntax, opts: ParseOptions): DsmDocument {
  const reader = new TemplateReader(scanTemplate(text, syntax), nameCacheFor(opts.table));
  const byLine: (Entry | undefined)[] = [];
  const entries: Entry[] = [];
  const options: OptionLine[] = [];
  const comments: CommentLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let eol: DsmDocument['eol'] | undefined;
  for (let line = 0, from = 0; ; line++) {
    const m = breaks.exec(text);
    const entry = reader.line(text, from, m ? m.index : text.length, line);
    byLine.push(entry);
    if (entry !== undefined) collect(entry, entries, options, comments);
    if (!m) break;
    eol ??= m[0] as DsmDocument['eol'];
    from = breaks.lastIndex;
  }
  const template = reader.finish(syntax, byLine.length - 1);
  return assemble(uri, eol ?? '\n', byLine, entries, options, comments, opts, template);
}

/** What a name that holds a placeholder resolves to: no option. */
const PLACEHOLDER_NAME: Resolution<OptionSpec> = { kind: 'unknown' };

/** A line of a template that holds some of `tags` (in order, all touching [from, to)). */
function templateLine(text: string, from: number, to: number, line: number, names: NameCache, tags: ScannedTag[]): Entry | undefined {
  let end = to;
  while (end > from && isBlank(text.charCodeAt(end - 1))) end--;
  let i = from;
  while (i < end && isBlank(text.charCodeAt(i))) i++;
  if (i === end) return undefined;
  const first = i;
  for (const t of tags) {
    if (t.end <= i) continue;
    if (t.start > i || (t.kind === 'expression' && t.start >= from)) break;
    i = Math.min(t.end, end);
    while (i < end && isBlank(text.charCodeAt(i))) i++;
  }
  if (i >= end) return { kind: 'template', line, start: first - from, end: end - from };
  const c = text.charCodeAt(i);
  if (c === STAR || c === HASH) return commentLine(text, from, i, end, line);
  const [name, ...values] = templateWords(text, i, end, from, tags);
  const indent = indentOf(text, from, first);
  if (name.template) return { kind: 'option', line, indent, name, values, resolution: PLACEHOLDER_NAME, option: undefined };
  const info = names.get(text, from + name.start, from + name.end);
  return { kind: 'option', line, indent, name: nameWord(info, name.start), values, resolution: info.resolution, option: info.option };
}

/** A word being read: where it is, whether it is quoted, and the tags inside it. */
interface RawWord {
  start: number;
  end: number;
  quote: number;
  closed: boolean;
  tags: ScannedTag[];
  /** It has characters outside tags. */
  literal: boolean;
}

/**
 * The words of a template line from `i` (the name's start) to `end`: blanks
 * inside a tag do not split words, a quote inside a tag does not open a
 * string. Columns are relative to `from`, the line start.
 */
function templateWords(text: string, i: number, end: number, from: number, tags: ScannedTag[]): Word[] {
  const raw: RawWord[] = [];
  let k = 0;
  const tagAt = (j: number): ScannedTag | undefined => {
    while (k < tags.length && tags[k].end <= j) k++;
    return k < tags.length && tags[k].start <= j ? tags[k] : undefined;
  };
  while (i < end) {
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      i++;
      continue;
    }
    const quote = raw.length > 0 && (c === DQUOTE || c === SQUOTE) && !tagAt(i) ? c : 0;
    const word: RawWord = { start: i, end: i, quote, closed: false, tags: [], literal: quote !== 0 };
    let j = quote ? i + 1 : i;
    while (j < end) {
      const t = tagAt(j);
      if (t) {
        word.tags.push(t);
        j = Math.min(t.end, end);
      } else if (quote ? text.charCodeAt(j) === quote : isBlank(text.charCodeAt(j))) {
        word.closed = quote !== 0;
        break;
      } else {
        word.literal = true;
        j++;
      }
    }
    word.end = word.closed ? j + 1 : j;
    raw.push(word);
    i = word.end;
  }
  return rendered(raw, text, from);
}

/** The words as rendered: words of control tags alone are dropped, and so are the control tags ending the last word. */
function rendered(raw: RawWord[], text: string, from: number): Word[] {
  const last = raw[raw.length - 1];
  while (last && !last.quote && last.tags.length) {
    const t = last.tags[last.tags.length - 1];
    if (t.kind === 'expression' || t.end < last.end || t.start === last.start) break;
    last.end = t.start;
    last.tags.pop();
  }
  const words: Word[] = [];
  for (const w of raw) {
    if (!w.literal && w.tags.every((t) => t.kind !== 'expression') && words.length > 0) continue;
    const quote = w.quote === DQUOTE ? '"' : w.quote === SQUOTE ? "'" : undefined;
    const word: Word = { text: quote ? text.slice(w.start + 1, w.closed ? w.end - 1 : w.end) : text.slice(w.start, w.end), start: w.start - from, end: w.end - from };
    if (quote) word.quote = quote;
    if (quote && !w.closed) word.unterminated = true;
    if (w.tags.length) word.template = true;
    words.push(word);
  }
  return words;
}

/** A copy of a string that shares no storage with the string it was cut from. */
function detach(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

/** The document from its lines: the kind of file and the stanzas. */
function assemble(
  uri: string,
  eol: DsmDocument['eol'],
  byLine: (Entry | undefined)[],
  entries: Entry[],
  options: OptionLine[],
  comments: CommentLine[],
  opts: ParseOptions,
  template?: TemplateInfo,
): DsmDocument {
  const lineCount = byLine.length;
  const fileKind = detectFileKind(uri, options, opts.layout ?? 'auto', comments, opts.inclExclTarget);
  const { stanzas, unscoped } = stanzasOf(fileKind === 'sys', options, lineCount, template?.frames);
  const doc: DsmDocument = { uri, lineCount, eol, fileKind, entries, options, comments, stanzas, unscoped, byLine };
  if (template) doc.template = template;
  return doc;
}

/**
 * The stanzas of a dsm.sys: each header opens one, which holds the options
 * after it. In a template (`frames` given), a header in another branch of the
 * same conditional as the open stanza's header is an alternative to it: both
 * stay open, and each takes the options that can be rendered with it.
 */
function stanzasOf(sys: boolean, options: OptionLine[], lineCount: number, frames?: (TemplateFrame | undefined)[]): { stanzas: Stanza[]; unscoped: OptionLine[] } {
  const stanzas: Stanza[] = [];
  const unscoped: OptionLine[] = [];
  let open: Stanza[] = [];
  for (const o of options) {
    const kind = sys ? stanzaKind(o) : undefined;
    if (kind) {
      const frame = frames?.[o.line];
      if (!frames || !open.every((s) => exclusive(frames[s.header.line], frame))) {
        for (const s of open) s.endLine = o.line - 1;
        open = [];
      }
      const stanza: Stanza = { kind, name: o.values[0]?.text ?? '', header: o, options: [], endLine: lineCount - 1 };
      open.push(stanza);
      stanzas.push(stanza);
    } else if (open.length === 0) {
      unscoped.push(o);
    } else if (!frames) {
      open[0].options.push(o);
    } else {
      for (const s of open) if (!exclusive(frames[s.header.line], frames[o.line])) s.options.push(o);
    }
  }
  return { stanzas, unscoped };
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

/** The last of these lines that sets the option with this full name (lower case): the one that takes effect. */
export function lastOption(options: readonly OptionLine[], fullName: string): OptionLine | undefined {
  for (let i = options.length - 1; i >= 0; i--) if (isOption(options[i], fullName)) return options[i];
  return undefined;
}

/** The option lists a client connection reads: the options outside stanzas, then each server stanza's. */
export function serverScopes(doc: DsmDocument): OptionLine[][] {
  return [doc.unscoped, ...doc.stanzas.filter((s) => s.kind === 'server').map((s) => s.options)];
}

/** The options that share a scope with a line: its stanza's (header included), or the file's unscoped ones. */
export function scopeOptions(doc: DsmDocument, line: number): OptionLine[] {
  const stanza = stanzaAt(doc, line);
  return stanza ? [stanza.header, ...stanza.options] : doc.unscoped;
}

/** The first value word of the option that takes effect in a line's scope (the last one set there), if any. */
export function valueInScope(doc: DsmDocument, line: number, fullName: string): Word | undefined {
  return lastOption(scopeOptions(doc, line), fullName)?.values[0];
}
