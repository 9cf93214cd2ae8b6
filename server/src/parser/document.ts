/**
 * The parser: one tolerant pass over the text, line by line.
 *
 * Every line is blank, a comment (first non-blank `*`, also `#`), or an
 * option: a name, then value words. Nothing here throws on bad input; what
 * cannot be understood is kept as words for the features to judge.
 * Columns are UTF-16 code units (JavaScript string indices), as LSP requires.
 *
 * A file kept as a template (its name says so: `dsm.sys.j2`, `dsm.sys.template`;
 * or its text holds `{{`, `{%` or `<%`) is read by a second path
 * (templateReader.ts): its tags are found first, then each
 * line that holds one is read around them. Plain files never take that path.
 */
import { templateSyntax } from './fileKind';
import { collect, parseLine } from './scanner';
import { nameCacheFor } from './names';
import { assemble } from './stanzas';
import { parseTemplate } from './templateReader';
import type { CommentLine, DsmDocument, Entry, OptionLine, ParseOptions } from './types';

export type {
  CommentLine,
  DsmDocument,
  Entry,
  FileKind,
  LayoutSetting,
  OptionLine,
  ParseOptions,
  Stanza,
  TemplateLine,
  Word,
} from './types';
export { entriesOf, isOption, lastOption, stanzaAt, stanzaKind } from './stanzas';

export function parseDocument(text: string, uri: string, opts: ParseOptions): DsmDocument {
  const syntax = templateSyntax(uri, text);
  if (syntax !== undefined) return parseTemplate(text, uri, syntax, opts);
  const byLine: (Entry | undefined)[] = [];
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
    if (entry !== undefined) collect(entry, options, comments);
    if (to >= length) break;
    let next = to + 1;
    if (text.charCodeAt(to) === 13 && text.charCodeAt(to + 1) === 10) next++;
    eol ??= next - to === 2 ? '\r\n' : text.charCodeAt(to) === 13 ? '\r' : '\n';
    from = next;
    line++;
  }
  return assemble(uri, eol ?? '\n', byLine, options, comments, opts);
}
