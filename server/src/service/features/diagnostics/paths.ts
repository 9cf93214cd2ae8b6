/**
 * `path-needs-quotes`: a file specification with blanks in it, written without
 * quotes. IBM: "Do not enclose an option value with single or quotation
 * marks, unless the value is a file specification that contains spaces or
 * wildcard characters"; unquoted, the client takes the first word as the
 * path. Every file-spec option of the table, on both platforms.
 */
import { TextEdit } from 'vscode-languageserver-types';
import type { OptionSpec } from '../../../model/optionTable';
import type { OptionLine, Word } from '../../../parser/types';
import { Finding, Fix, Rule, finding } from './rule';

const SEPARATOR = /[\\/]/;

/** Does the option's syntax give it one parameter, with nothing optional after it (`ERRORLOGName filespec`, `EXCLUDE.DIR pattern`)? */
function oneParameter(option: OptionSpec): boolean {
  if (option.value.words === 'one') return true;
  const syntax = option.value.syntax ?? '';
  return !syntax.includes('[') && !syntax.includes('...') && syntax.trim().split(/\s+/).length <= 2;
}

/** A `* note` after the value, as real files write them: not part of the path. */
function isNote(w: Word): boolean {
  return !w.quote && w.text.startsWith('*') && !SEPARATOR.test(w.text);
}

/**
 * The words of a path that blanks split: the unquoted first word and the
 * unquoted words after it that continue it. With one parameter, that is every
 * word up to a note; where optional words may follow (a management class,
 * option=value), only words that hold a path separator.
 */
export function splitPath(o: OptionLine, option: OptionSpec): Word[] | undefined {
  const values = o.values;
  if (values.length < 2 || values[0].quote) return undefined;
  const one = oneParameter(option);
  let n = 1;
  while (n < values.length) {
    const w = values[n];
    if (w.quote || isNote(w)) break;
    if (!one && (!SEPARATOR.test(w.text) || w.text.includes('='))) break;
    n++;
  }
  return n > 1 ? values.slice(0, n) : undefined;
}

/** Quotes around the words, with the blanks between them as written: two insertions, nothing else touched. */
function quoteFix(o: OptionLine, words: Word[]): Fix[] {
  const text = words.map((w) => w.text).join('');
  const quote = !text.includes('"') ? '"' : !text.includes("'") ? "'" : undefined;
  if (!quote) return [];
  const first = words[0];
  const last = words[words.length - 1];
  return [
    {
      title: 'Put the path in quotes',
      edits: [TextEdit.insert({ line: o.line, character: first.start }, quote), TextEdit.insert({ line: o.line, character: last.end }, quote)],
      preferred: true,
    },
  ];
}

export const unquotedPaths: Rule = (doc) => {
  const findings: Finding[] = [];
  for (const o of doc.options) {
    const option = o.option;
    if (!option || option.value.type !== 'filespec') continue;
    const words = splitPath(o, option);
    if (!words) continue;
    const first = words[0];
    const last = words[words.length - 1];
    const range = { start: { line: o.line, character: first.start }, end: { line: o.line, character: last.end } };
    findings.push(
      finding(
        'path-needs-quotes',
        range,
        `This ${option.name} path has blanks in it and no quotes, so the client takes only ${first.text} as the file specification. Put the whole path in quotes (IBM: quotes are for file specifications with spaces or wildcards).`,
        quoteFix(o, words),
      ),
    );
  }
  return findings;
};
