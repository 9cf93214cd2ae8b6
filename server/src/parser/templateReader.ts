/*
 * Templates. Their tags are found first, over the whole text (a tag may run
 * over several lines); then each line is read: a line without template
 * syntax exactly as in a plain file, a line with some around its tags.
 */
import { OptionSpec } from '../model/optionTable';
import { Resolution } from '../model/abbreviations';
import { DQUOTE, HASH, SQUOTE, STAR, collect, commentLine, indentOf, isBlank, parseLine } from './scanner';
import { NameCache, nameCacheFor, nameWord } from './names';
import { assemble } from './stanzas';
import { FrameBuilder, ScannedTag, scanTemplate } from './template';
import type {
  CommentLine,
  DsmDocument,
  Entry,
  OptionLine,
  ParseOptions,
  TemplateFrame,
  TemplateInfo,
  TemplateSpan,
  TemplateSyntax,
  Word,
} from './types';

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
    const entry =
      last === this.next
        ? parseLine(text, from, to, line, this.names)
        : templateLine(text, from, to, line, this.names, tags.slice(this.next, last));
    const anchor =
      entry === undefined || entry.kind === 'template'
        ? to
        : from + (entry.kind === 'option' ? entry.name.start : entry.start);
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

export function parseTemplate(text: string, uri: string, syntax: TemplateSyntax, opts: ParseOptions): DsmDocument {
  const reader = new TemplateReader(scanTemplate(text, syntax), nameCacheFor(opts.table));
  const byLine: (Entry | undefined)[] = [];
  const options: OptionLine[] = [];
  const comments: CommentLine[] = [];
  const breaks = /\r\n|\r|\n/g;
  let eol: DsmDocument['eol'] | undefined;
  for (let line = 0, from = 0; ; line++) {
    const m = breaks.exec(text);
    const entry = reader.line(text, from, m ? m.index : text.length, line);
    byLine.push(entry);
    if (entry !== undefined) collect(entry, options, comments);
    if (!m) break;
    eol ??= m[0] as DsmDocument['eol'];
    from = breaks.lastIndex;
  }
  const template = reader.finish(syntax, byLine.length - 1);
  return assemble(uri, eol ?? '\n', byLine, options, comments, opts, template);
}

/** What a name that holds a placeholder resolves to: no option. */
const PLACEHOLDER_NAME: Resolution<OptionSpec> = { kind: 'unknown' };

/** A line of a template that holds some of `tags` (in order, all touching [from, to)). */
function templateLine(
  text: string,
  from: number,
  to: number,
  line: number,
  names: NameCache,
  tags: ScannedTag[],
): Entry | undefined {
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
  if (name.template)
    return { kind: 'option', line, indent, name, values, resolution: PLACEHOLDER_NAME, option: undefined };
  const info = names.get(text, from + name.start, from + name.end);
  return {
    kind: 'option',
    line,
    indent,
    name: nameWord(info, name.start),
    values,
    resolution: info.resolution,
    option: info.option,
  };
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
    const word: Word = {
      text: quote ? text.slice(w.start + 1, w.closed ? w.end - 1 : w.end) : text.slice(w.start, w.end),
      start: w.start - from,
      end: w.end - from,
    };
    if (quote) word.quote = quote;
    if (quote && !w.closed) word.unterminated = true;
    if (w.tags.length) word.template = true;
    words.push(word);
  }
  return words;
}
