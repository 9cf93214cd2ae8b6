/**
 * Template syntax in option files kept as templates: Jinja (Ansible, Salt),
 * ERB (Puppet, Chef) and EPP (Puppet). The scanner finds every tag in the
 * text (a pre-pass, before the lines are read) and what each control tag does
 * to the branch structure; the relations below tell whether two lines can be
 * rendered together. Plain files never come here. The placeholders of files
 * named as templates (`${VAR}`, `{name}`, `@VAR@`) are in placeholders.ts.
 */
import { holdsPlaceholderMarks, withPlaceholders } from './placeholders';
import type { TemplateBlock, TemplateFrame, TemplateSpan, TemplateSyntax } from './types';

export { lineHasTemplate, touchesTemplate } from './templateSpans';

/** What a control tag does: opens a block, starts another branch of the innermost one, or closes it. */
export type Control =
  { role: 'open'; block: TemplateBlock['kind'] } | { role: 'branch'; isElse: boolean } | { role: 'close' };

/** A tag as the scanner finds it: offsets in the text (end exclusive). */
export interface ScannedTag {
  kind: TemplateSpan['kind'];
  start: number;
  end: number;
  control?: Control;
}

const OPEN_IF: Control = { role: 'open', block: 'if' };
const OPEN_LOOP: Control = { role: 'open', block: 'loop' };
const OPEN_OTHER: Control = { role: 'open', block: 'other' };
const BRANCH: Control = { role: 'branch', isElse: false };
const ELSE: Control = { role: 'branch', isElse: true };
const CLOSE: Control = { role: 'close' };

/** Jinja statements that open a block (closed by `end<name>`). A `set` without `=` opens one too. */
const JINJA_BLOCKS: Readonly<Record<string, Control>> = {
  if: OPEN_IF,
  for: OPEN_LOOP,
  macro: OPEN_OTHER,
  call: OPEN_OTHER,
  filter: OPEN_OTHER,
  block: OPEN_OTHER,
  with: OPEN_OTHER,
  autoescape: OPEN_OTHER,
  trans: OPEN_OTHER,
};

function firstWord(code: string): string {
  return /^[A-Za-z_]*/.exec(code)![0].toLowerCase();
}

function jinjaControl(code: string): Control | undefined {
  const word = firstWord(code);
  if (word === 'set') return code.includes('=') ? undefined : OPEN_OTHER;
  if (Object.prototype.hasOwnProperty.call(JINJA_BLOCKS, word)) return JINJA_BLOCKS[word];
  if (word === 'elif') return BRANCH;
  if (word === 'else') return ELSE;
  return word.startsWith('end') ? CLOSE : undefined;
}

/** Ruby in an ERB tag: `if`/`unless`/`case` open a conditional, `each do |x|` or `{ |x|` a loop, `end` or `}` closes. */
function rubyControl(code: string): Control | undefined {
  const word = firstWord(code);
  const selfClosed = /\bend$/.test(code);
  if (word === 'if' || word === 'unless' || word === 'case') return selfClosed ? undefined : OPEN_IF;
  if (word === 'while' || word === 'until' || word === 'for') return selfClosed ? undefined : OPEN_LOOP;
  if (word === 'begin') return selfClosed ? undefined : OPEN_OTHER;
  if (word === 'elsif' || word === 'when' || word === 'in' || word === 'rescue' || word === 'ensure') return BRANCH;
  if (word === 'else') return ELSE;
  if (word === 'end' || code === '}') return CLOSE;
  if (/(?:\bdo|\{)(?:\s*\|[^|]*\|)?$/.test(code)) return OPEN_LOOP;
  return undefined;
}

/** Puppet in an EPP tag: blocks are braces (`if $x {`, `} elsif $y {`, `} else {`, `$list.each |$x| {`, `}`). */
function puppetControl(code: string): Control | undefined {
  const closes = code.startsWith('}');
  const rest = closes ? code.slice(1).trim() : code;
  const opens = rest.endsWith('{');
  if (closes && opens) return firstWord(rest) === 'else' ? ELSE : BRANCH;
  if (closes) return CLOSE;
  if (!opens) return undefined;
  const word = firstWord(rest);
  if (word === 'if' || word === 'unless' || word === 'case') return OPEN_IF;
  return /\|[^|]*\|\s*\{$/.test(rest) ? OPEN_LOOP : OPEN_OTHER;
}

/** Where the line holding offset `from` ends: its line break, or the end of the text. */
export function endOfLine(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** The code between a tag's delimiters, without the whitespace-control marks (`-`, `+`) and blanks. */
function innerCode(text: string, from: number, to: number): string {
  return text
    .slice(from, to)
    .replace(/^[-+=]?\s*/, '')
    .replace(/\s*[-+]?$/, '');
}

/**
 * Where `close` ends a Jinja tag that starts its code at `from`: quoted
 * strings (on one line) are skipped, as Jinja's lexer does. -1 when never closed.
 */
function jinjaClose(text: string, from: number, close: string): number {
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === close.charCodeAt(0) && text.startsWith(close, i)) return i;
    if (c !== 34 && c !== 39) continue;
    let j = i + 1;
    while (j < text.length && text.charCodeAt(j) !== c && text.charCodeAt(j) !== 10)
      j += text.charCodeAt(j) === 92 ? 2 : 1;
    if (text.charCodeAt(j) === c) i = j;
  }
  return -1;
}

const JINJA_KINDS: Readonly<Record<string, [TemplateSpan['kind'], string]>> = {
  '{': ['expression', '}}'],
  '%': ['statement', '%}'],
  '#': ['comment', '#}'],
};

function scanJinja(text: string): ScannedTag[] {
  const tags: ScannedTag[] = [];
  let i = text.indexOf('{');
  while (i !== -1) {
    const opener = JINJA_KINDS[text.charAt(i + 1)];
    if (!opener) {
      i = text.indexOf('{', i + 1);
      continue;
    }
    const [kind, close] = opener;
    const at = kind === 'comment' ? text.indexOf(close, i + 2) : jinjaClose(text, i + 2, close);
    const end = at === -1 ? endOfLine(text, i) : at + 2;
    const code = innerCode(text, i + 2, at === -1 ? end : at);
    tags.push({ kind, start: i, end, control: kind === 'statement' ? jinjaControl(code) : undefined });
    // Between {% raw %} and {% endraw %} everything is literal text.
    const raw = kind === 'statement' && firstWord(code) === 'raw' ? /\{%[-+]?\s*endraw\s*[-+]?%\}/g : undefined;
    if (raw) {
      raw.lastIndex = end;
      const endRaw = raw.exec(text);
      if (!endRaw) break;
      tags.push({ kind, start: endRaw.index, end: raw.lastIndex });
    }
    i = text.indexOf('{', raw ? raw.lastIndex : end);
  }
  return tags;
}

/** ERB and EPP: `<% %>`, `<%= %>` (also `<%==`), `<%# %>`, with `<%-` and `-%>`; `<%%` is a literal `<%`. */
function scanPercent(text: string, dialect: 'erb' | 'epp'): ScannedTag[] {
  const tags: ScannedTag[] = [];
  let i = text.indexOf('<%');
  while (i !== -1) {
    const mark = text.charAt(i + 2);
    if (mark === '%') {
      i = text.indexOf('<%', i + 3);
      continue;
    }
    const kind = mark === '=' ? 'expression' : mark === '#' ? 'comment' : 'statement';
    const at = text.indexOf('%>', i + 2);
    const end = at === -1 ? endOfLine(text, i) : at + 2;
    let control: Control | undefined;
    if (kind === 'statement') {
      const code = innerCode(text, i + 2, at === -1 ? end : at);
      control = dialect === 'erb' ? rubyControl(code) : puppetControl(code);
    }
    tags.push({ kind, start: i, end, control });
    i = text.indexOf('<%', end);
  }
  return tags;
}

/** Every tag of a template, placeholders included, in order; they never overlap. */
export function scanTemplate(text: string, { dialect, placeholders }: TemplateSyntax): ScannedTag[] {
  const tags = dialect === undefined ? [] : dialect === 'jinja' ? scanJinja(text) : scanPercent(text, dialect);
  return placeholders
    ? withPlaceholders(text, tags, (start, end): ScannedTag => ({ kind: 'expression', start, end }))
    : tags;
}

/**
 * Does this text hold a tag's opening or closing delimiter, or where
 * placeholders count a character of one? A line edited to hold one may start
 * or end a tag that spans other lines, or a placeholder: then the whole
 * template is read again.
 */
export function holdsTemplateMarks(text: string, { dialect, placeholders }: TemplateSyntax): boolean {
  if (placeholders && holdsPlaceholderMarks(text)) return true;
  return dialect === 'jinja' ? /\{[{%#]|[}%#]\}/.test(text) : dialect !== undefined && /<%|%>/.test(text);
}

/** Blocks nested deeper than this are not told apart (a bound on the work a hostile template makes): their lines count as in the deepest one. */
export const MAX_DEPTH = 64;

/**
 * The branch structure, built tag by tag while the lines are read: the
 * blocks, and the frame (block and branch) in effect. Stray `else` and
 * `end` tags, outside any block, are ignored.
 */
export class FrameBuilder {
  readonly blocks: TemplateBlock[] = [];
  frame: TemplateFrame | undefined = undefined;
  /** Blocks opened past MAX_DEPTH, not recorded, whose tags are ignored until they close. */
  private beyond = 0;

  apply(control: Control, line: number): void {
    const frame = this.frame;
    if (control.role === 'open') {
      if ((frame?.depth ?? 0) >= MAX_DEPTH) {
        this.beyond++;
        return;
      }
      const block: TemplateBlock = { kind: control.block, line, endLine: -1, branches: 1, hasElse: false };
      this.blocks.push(block);
      this.frame = { block, branch: 0, parent: frame, depth: (frame?.depth ?? 0) + 1 };
    } else if (this.beyond > 0) {
      if (control.role === 'close') this.beyond--;
    } else if (frame && control.role === 'branch') {
      frame.block.branches++;
      frame.block.hasElse ||= control.isElse;
      this.frame = { block: frame.block, branch: frame.block.branches - 1, parent: frame.parent, depth: frame.depth };
    } else if (frame) {
      frame.block.endLine = line;
      this.frame = frame.parent;
    }
  }

  /** Blocks never closed end on the last line. */
  finish(lastLine: number): TemplateBlock[] {
    for (const b of this.blocks) if (b.endLine < 0) b.endLine = lastLine;
    return this.blocks;
  }
}

/** Is `outer` the frame of `inner` or one around it, so that `inner`'s line is never rendered without `outer`'s? */
export function covers(outer: TemplateFrame | undefined, inner: TemplateFrame | undefined): boolean {
  for (let f = inner; f; f = f.parent) if (f === outer) return true;
  return outer === undefined;
}

/** Are these two frames different branches of one block, so that their lines are never rendered together? */
export function exclusive(a: TemplateFrame | undefined, b: TemplateFrame | undefined): boolean {
  // Up to the same depth, then up together to the innermost block they share.
  let x = a;
  let y = b;
  while (x && y && x.depth > y.depth) x = x.parent;
  while (x && y && y.depth > x.depth) y = y.parent;
  for (; x && y && x !== y; x = x.parent, y = y.parent) if (x.block === y.block) return true;
  return false;
}

/**
 * How `other` relates to `line`, from their frames: never rendered together
 * with it, rendered whenever `line` is (`certain`), or only sometimes.
 */
export function relation(
  line: TemplateFrame | undefined,
  other: TemplateFrame | undefined,
): 'exclusive' | 'certain' | 'possible' {
  if (exclusive(line, other)) return 'exclusive';
  return covers(other, line) ? 'certain' : 'possible';
}

/**
 * Is one of these lines rendered whenever a line of `within` is: one in
 * `within` or around it, or one in every branch of an if/else (or a loop and
 * its else) inside it?
 */
export function onEveryPath(
  frames: readonly (TemplateFrame | undefined)[],
  within: TemplateFrame | undefined,
): boolean {
  if (frames.some((f) => covers(f, within))) return true;
  // The frames just inside `within`, each with the lines under it.
  const branches = new Map<TemplateFrame, (TemplateFrame | undefined)[]>();
  for (const f of frames) {
    let child = f;
    while (child && child.parent !== within) child = child.parent;
    if (child) branches.set(child, [...(branches.get(child) ?? []), f]);
  }
  const covered = new Map<TemplateBlock, number>();
  for (const [child, under] of branches) {
    if (child.block.hasElse && onEveryPath(under, child)) covered.set(child.block, (covered.get(child.block) ?? 0) + 1);
  }
  return [...covered].some(([block, n]) => n === block.branches);
}
