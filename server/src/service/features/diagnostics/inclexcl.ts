/**
 * Rules for the statements of include-exclude files (named by INCLExcl):
 * patterns as IBM documents them (quoting, `...` and wildcards, the platform's
 * paths, management class names). The statements IBM's processing order
 * never reaches: order.ts.
 */
import { Range, TextEdit } from 'vscode-languageserver-types';
import type { DsmDocument, OptionLine, Word } from '../../../parser/types';
import type { Platform } from '../../../model/optionTable';
import {
  StatementSpec,
  endsWithStarDotStar,
  isManagementClassName,
  looksLikePath,
  patternPlatform,
  statementOf,
  wildcardProblems,
} from '../../../model/inclexcl';
import type { ServiceContext } from '../../context';
import { ownersPlatform } from '../../workspaceIndex';
import { Finding, Fix, Rule, finding, wordRange } from './rule';

/** Template syntax (Jinja, ERB) in a word's text, even where the parser found no tag (a half-typed one). */
const TEMPLATE = /\{\{|\{%|\{#|<%|%>|\}\}/;

/** A word that holds template syntax (a tag, or a placeholder such as `${DATA}` of a file named as a template): a line holding one is left to the template's own checks. */
const templated = (w: Word): boolean => w.template === true || TEMPLATE.test(w.text);

export interface Statement {
  o: OptionLine;
  spec: StatementSpec;
  pattern: Word;
}

/** The statements whose pattern can be read: no template syntax, every quote closed. */
export function statements(doc: DsmDocument): Statement[] {
  const found: Statement[] = [];
  for (const o of doc.options) {
    const spec = statementOf(o.option);
    const pattern = o.values[0];
    if (!spec || !pattern || o.values.some((w) => w.unterminated || templated(w))) continue;
    found.push({ o, spec, pattern });
  }
  return found;
}

/** Which platform the file is for, and why: the files that name it, else most of its own patterns. */
function filePlatform(doc: DsmDocument, list: Statement[], ctx: ServiceContext): { platform?: Platform; why: string } {
  const owners = ctx.workspace?.inclExclOwners(doc.uri) ?? [];
  const named = ownersPlatform(owners);
  if (named) return { platform: named, why: named === 'unix' ? 'a dsm.sys names it' : 'a Windows dsm.opt names it' };
  const count = { unix: 0, windows: 0 };
  for (const s of list) {
    const p = s.spec.pattern === 'path' ? patternPlatform(s.pattern.text) : undefined;
    if (p) count[p]++;
  }
  if (count.unix > count.windows && count.windows > 0)
    return { platform: 'unix', why: 'most of its patterns are UNIX paths' };
  if (count.windows > count.unix && count.unix > 0)
    return { platform: 'windows', why: 'most of its patterns are Windows paths' };
  return { why: '' };
}

/** Puts the words from `from` to `to` in quotes, as one pattern (the blanks between them kept as spaces). */
function quoteFix(o: OptionLine, from: Word, to: Word): Fix {
  const range = Range.create(o.line, from.start, o.line, to.end);
  const words = o.values.filter((w) => w.start >= from.start && w.end <= to.end);
  const joined = words.map((w, i) => (i ? ' '.repeat(w.start - words[i - 1].end) : '') + w.text).join('');
  const quote = joined.includes('"') ? "'" : '"';
  return {
    title: `Quote the pattern: ${quote}${joined}${quote}`,
    edits: [TextEdit.replace(range, quote + joined + quote)],
    preferred: true,
  };
}

/** The words after the pattern that the statement reads as its management class and option=value words. */
function trailing(spec: StatementSpec, rest: Word[]): { mc?: Word; options: number } {
  let options = 0;
  if (spec.after === 'options' || spec.after === 'mgmtclass+options')
    while (options < rest.length && rest[rest.length - 1 - options].text.includes('=')) options++;
  const before = rest[rest.length - 1 - options];
  const mc =
    spec.after.startsWith('mgmtclass') && before && !looksLikePath(before.text) && !before.text.includes('=')
      ? before
      : undefined;
  return { mc, options };
}

/** What a statement takes after its pattern, for the message about words it cannot read. */
const TAKES: Record<StatementSpec['after'], string> = {
  none: 'no management class (only INCLUDE statements bind files to one)',
  mgmtclass: 'one management class at most',
  options: 'only option=value words after its pattern',
  'mgmtclass+options': 'one management class at most, then option=value words',
};

/** Words after a complete pattern (one ending in a wildcard) that read as management class names: a class where none (or one only) may stand, not a path cut at a blank. */
function misplacedClasses(s: Statement, spill: Word[]): boolean {
  return /[*?\]]$/.test(s.pattern.text) && spill.every((w) => isManagementClassName(w.text) && !looksLikePath(w.text));
}

/** `pattern-blank-unquoted` and `management-class`: what stands after the pattern. */
function afterPattern(s: Statement, name: string): Finding[] {
  const rest = s.o.values.slice(1);
  const { mc, options } = trailing(s.spec, rest);
  const spill = rest.slice(0, rest.length - options - (mc ? 1 : 0));
  const line = s.o.line;
  if (spill.length && !s.pattern.quote && !misplacedClasses(s, spill)) {
    const last = spill[spill.length - 1];
    const range = Range.create(line, s.pattern.start, line, last.end);
    return [
      finding(
        'pattern-blank-unquoted',
        range,
        `The client reads only ${s.pattern.text} as the pattern and cannot read the words after it: a pattern with a blank must be quoted.`,
        [quoteFix(s.o, s.pattern, last)],
      ),
    ];
  }
  if (spill.length) {
    const takes = TAKES[s.spec.after];
    const range = Range.create(line, spill[0].start, line, spill[spill.length - 1].end);
    return [
      finding(
        'management-class',
        range,
        `${name} takes ${takes}: the client cannot read ${spill.map((w) => w.text).join(' ')}.`,
      ),
    ];
  }
  if (mc && !isManagementClassName(mc.text)) {
    return [
      finding(
        'management-class',
        wordRange(line, mc),
        `${mc.text} is not a management class name: letters, digits and _ . - + & only, at most 30 characters.`,
      ),
    ];
  }
  return [];
}

function patternOffset(w: Word): number {
  return w.start + (w.quote ? 1 : 0);
}

const OTHER: Record<Platform, string> = { unix: 'A Windows path', windows: 'A UNIX path' };
const ADVICE: Record<Platform, string> = {
  unix: 'the UNIX client never matches a drive or UNC name; write the path from /.',
  windows:
    'the Windows client separates directories with \\ and starts a path with its drive (C:\\ or ?:\\) or a UNC name.',
};

/** `pattern-wildcard`, `pattern-star-dot-star` and `pattern-platform`: the pattern itself. */
function patternItself(s: Statement, file: { platform?: Platform; why: string }): Finding[] {
  const found: Finding[] = [];
  const line = s.o.line;
  const text = s.pattern.text;
  const at = patternOffset(s.pattern);
  const own = patternPlatform(text);
  // A pattern is read with its own delimiter (a Windows path in a UNIX file is reported once, as such).
  const platform = s.spec.pattern === 'nas' ? 'unix' : (own ?? file.platform);
  for (const p of wildcardProblems(text, platform))
    found.push(finding('pattern-wildcard', Range.create(line, at + p.start, line, at + p.end), p.message));
  if (endsWithStarDotStar(text)) {
    found.push(
      finding(
        'pattern-star-dot-star',
        wordRange(line, s.pattern),
        '*.* matches only names that contain a dot: files such as README or core are left out. IBM advises * to match every file.',
      ),
    );
  }
  if (file.platform && own && own !== file.platform && s.spec.pattern === 'path') {
    found.push(
      finding(
        'pattern-platform',
        wordRange(line, s.pattern),
        `${OTHER[file.platform]} in an include-exclude file for ${file.platform === 'unix' ? 'UNIX' : 'Windows'} (${file.why}): ${ADVICE[file.platform]}`,
      ),
    );
  }
  return found;
}

/** The pattern and what follows it, for every statement of an include-exclude file. */
export const statementPatterns: Rule = (doc, ctx) => {
  if (doc.fileKind !== 'inclexcl') return [];
  const found: Finding[] = [];
  for (const o of doc.options) {
    if (!statementOf(o.option) || !o.values.length) {
      if (statementOf(o.option))
        found.push(
          finding(
            'invalid-value',
            wordRange(o.line, o.name),
            `${o.option!.name} needs a pattern: ${o.option!.value.syntax ?? ''}`.trim(),
          ),
        );
      continue;
    }
    const open = o.values.find((w) => w.unterminated && !templated(w));
    if (open) {
      found.push(
        finding(
          'pattern-unbalanced-quote',
          wordRange(o.line, open),
          `The ${open.quote} that opens ${open.text || 'this word'} is never closed: the client reads a pattern up to its closing quote.`,
          [
            {
              title: `Close the quote: ${open.quote}${open.text}${open.quote}`,
              edits: [TextEdit.insert({ line: o.line, character: open.end }, open.quote!)],
              preferred: true,
            },
          ],
        ),
      );
    }
  }
  const list = statements(doc);
  const file = filePlatform(doc, list, ctx);
  for (const s of list) {
    if (s.spec.pattern === 'name') continue;
    found.push(...afterPattern(s, s.o.option!.name), ...patternItself(s, file));
  }
  return found;
};
