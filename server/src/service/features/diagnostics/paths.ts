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
import { unquotedPathThen } from '../../../parser/scanner';
import { Finding, Fix, Rule, finding } from './rule';

const SEPARATOR = /[\\/]/;

/** A `* note` after the value, as real files write them: not part of the path. */
function isNote(w: Word): boolean {
  return !w.quote && w.text.startsWith('*') && !SEPARATOR.test(w.text);
}

/**
 * The words of a path that blanks split: the unquoted first word and the
 * unquoted words after it that continue it. For a one-word option
 * (ERRORLOGName), every word up to a note; where more words may follow
 * (INCLUDE's management class, option=value), only words that hold a path
 * separator: `EXCLUDE.DIR C:\Program Files` is not caught, since `Files`
 * could as well be a management class.
 */
export function splitPath(o: OptionLine, option: OptionSpec): Word[] | undefined {
  const values = o.values;
  if (values.length < 2 || values[0].quote) return undefined;
  const one = option.value.words === 'one';
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
      edits: [
        TextEdit.insert({ line: o.line, character: first.start }, quote),
        TextEdit.insert({ line: o.line, character: last.end }, quote),
      ],
      preferred: true,
    },
  ];
}

export const unquotedPaths: Rule = (doc) => {
  const findings: Finding[] = [];
  // In an include-exclude file, pattern-blank-unquoted says it, with IBM's rules for patterns.
  if (doc.fileKind === 'inclexcl') return findings;
  for (const o of doc.options) {
    const option = o.option;
    if (!option || option.value.type !== 'filespec') continue;
    // Where more words may follow the path, it is split only if an unquoted word is followed by a separator:
    // most include and exclude lines are told apart without their words.
    if (option.value.words !== 'one' && !unquotedPathThen(o)) continue;
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
