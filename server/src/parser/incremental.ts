/**
 * Which lines a batch of editor changes touched, when it is safe to parse
 * only those again (see reparseLines below).
 */
import { parseDocument } from './document';
import { collect, detach, parseLine } from './scanner';
import { nameCacheFor } from './names';
import { assemble } from './stanzas';
import { endOfLine, holdsTemplateMarks, lineHasTemplate } from './template';
import { dialectFromText, holdsDialectMarks, templateDialect } from './fileKind';
import type { CommentLine, DsmDocument, OptionLine, ParseOptions } from './types';

/**
 * Adds to `lines` the line of each change, provided every change stays inside
 * one line (its range starts and ends on the same line, which exists, and its
 * text holds no line break), and returns it; returns undefined when some
 * change does more, or is malformed. `lineCount` is the number of lines
 * before the changes. The caller must still check that the number of lines is
 * the same afterwards: deleting what stood between a \r and a \n turns two
 * line breaks into one.
 */
export function linesChangedInPlace(
  changes: readonly unknown[],
  lineCount: number,
  lines: Set<number> = new Set(),
): Set<number> | undefined {
  if (!Array.isArray(changes)) return undefined;
  for (const change of changes) {
    if (typeof change !== 'object' || change === null) return undefined;
    const { range, text } = change as {
      range?: { start?: { line?: unknown }; end?: { line?: unknown } };
      text?: unknown;
    };
    const line = range?.start?.line;
    // A position past the end is moved to the end by the update: then it is not the line it names.
    if (
      typeof line !== 'number' ||
      !Number.isInteger(line) ||
      line < 0 ||
      line >= lineCount ||
      range?.end?.line !== line
    )
      return undefined;
    if (typeof text !== 'string' || text.includes('\n') || text.includes('\r')) return undefined;
    lines.add(line);
  }
  return lines;
}

/**
 * The document after edits that changed only the text inside some lines:
 * no line break was added or removed, so every other line is as it was, on
 * the same line number. `changed` maps each changed line to its start offset
 * in the new text. The result is what parseDocument(text) would give; only
 * the changed lines are read again.
 */
export function reparseLines(
  prev: DsmDocument,
  text: string,
  changed: ReadonlyMap<number, number>,
  opts: ParseOptions,
): DsmDocument {
  const template = prev.template;
  const names = nameCacheFor(opts.table);
  const byLine = prev.byLine.slice();
  // Unless the name gives the template language, the text does. In a file read as a template by its text (small, as
  // templates are), an edit may take the last tag away or change which comes first: its text is read for the dialect
  // again. A file without tags becomes a template when an edited line gains one: only the edited lines are looked at.
  const byText = templateDialect(prev.uri) === undefined;
  if (byText && template?.dialect !== undefined && dialectFromText(text) !== template.dialect) {
    return parseDocument(text, prev.uri, opts);
  }
  for (const [line, from] of changed) {
    if (line < 0 || line >= byLine.length) throw new RangeError(`line ${line} is not in the document`);
    const to = endOfLine(text, from);
    if (byText && template?.dialect === undefined && holdsDialectMarks(text.slice(from, to))) {
      return parseDocument(text, prev.uri, opts);
    }
    // In a template, a line that held template syntax, or now may, can change the meaning of other lines: read it all again.
    if (template && (lineHasTemplate(template.spans, line) || holdsTemplateMarks(text.slice(from, to), template)))
      return parseDocument(text, prev.uri, opts);
    // The line is parsed from a copy of its own, so that what it keeps (its
    // words) does not hold on to this version of the whole text.
    const own = detach(text.slice(from, to));
    byLine[line] = parseLine(own, 0, own.length, line, names);
  }
  const options: OptionLine[] = [];
  const comments: CommentLine[] = [];
  for (const entry of byLine) if (entry !== undefined) collect(entry, options, comments);
  return assemble(prev.uri, prev.eol, byLine, options, comments, opts, template);
}
