/**
 * What every diagnostic rule shares: the finding it returns (a diagnostic
 * with the fixes that resolve it), and range helpers.
 */
import { Command, Diagnostic, DiagnosticSeverity, DiagnosticTag, Range, TextEdit } from 'vscode-languageserver-types';
import type { DsmDocument, OptionLine, Word } from '../../../parser/types';
import { relation } from '../../../parser/template';
import type { ServiceContext } from '../../context';
import { CODES, Code, SOURCE } from '../../codes';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Offered as the one-click fix (isPreferred). */
  preferred: boolean;
  /** Part of `source.fixAll.dsm`. */
  fixAll?: boolean;
  /** The fix changes SCHEDMODE, so the scheduler must be restarted afterwards. */
  changesSchedule?: boolean;
  /** The fix also turns SESSIONINITIATION SERVERONLY into CLIENT (the server's node must then allow client sessions). */
  toClient?: boolean;
  /** A command the editor runs instead of (or after) the edits. */
  command?: Command;
}

export interface Finding {
  diagnostic: Diagnostic;
  fixes: Fix[];
  /** It depends on what a template renders: never reported above information, whatever the settings say. */
  uncertain?: boolean;
}

export type Rule = (doc: DsmDocument, ctx: ServiceContext) => Finding[];

export function finding(
  code: Code,
  range: Range,
  message: string,
  fixes: Fix[] = [],
  extra: Partial<Diagnostic> = {},
): Finding {
  return { diagnostic: { range, severity: CODES[code].severity, code, source: SOURCE, message, ...extra }, fixes };
}

export const UNNECESSARY = { tags: [DiagnosticTag.Unnecessary] };

export function wordRange(line: number, word: { start: number; end: number }): Range {
  return Range.create(line, word.start, line, word.end);
}

/** From the option name to the end of its last value word. */
export function lineRange(o: OptionLine): Range {
  const last = o.values.length ? o.values[o.values.length - 1] : o.name;
  return Range.create(o.line, o.name.start, o.line, last.end);
}

/** The end of an option line's content: where a new line is inserted after it. */
function lineEnd(o: OptionLine): { line: number; character: number } {
  return lineRange(o).end;
}

/** Inserts a new line with this text after `after`, with the file's own line ending. */
export function insertLineAfter(doc: DsmDocument, after: OptionLine, indent: string, text: string): TextEdit {
  return TextEdit.insert(lineEnd(after), doc.eol + indent + text);
}

/** Replaces one word (quotes included) of a line. */
export function replaceWord(line: number, word: Word, text: string): TextEdit {
  return TextEdit.replace(wordRange(line, word), text);
}

/** Where a line's content ends (0 for a blank line): never past the line's end, whatever blanks follow. */
function contentEnd(doc: DsmDocument, line: number): number {
  const e = doc.byLine[line];
  return e === undefined ? 0 : e.kind === 'option' ? lineRange(e).end.character : e.end;
}

/**
 * Deletes a whole line, its line ending included. The last line has none:
 * the line ending before it goes instead, and a file of one line is emptied.
 * (Its range once ran from line - 1, -1 for a one-line file, and to
 * character Number.MAX_SAFE_INTEGER, which Range.create refuses.)
 */
export function deleteLine(doc: DsmDocument, line: number): TextEdit {
  if (line + 1 < doc.lineCount) return TextEdit.del(Range.create(line, 0, line + 1, 0));
  const end = contentEnd(doc, line);
  return TextEdit.del(
    line > 0 ? Range.create(line - 1, contentEnd(doc, line - 1), line, end) : Range.create(line, 0, line, end),
  );
}

/** A finding that depends on what a template renders (a branch taken, a placeholder's value): information, at most. */
export function uncertain(f: Finding): Finding {
  f.diagnostic.severity = DiagnosticSeverity.Information;
  f.uncertain = true;
  return f;
}

/**
 * How the line `other` relates to `line` in a template: never rendered with
 * it, rendered whenever it is (`certain`), or only sometimes. In a plain file, always `certain`.
 */
export function rendering(doc: DsmDocument, line: OptionLine, other: OptionLine): 'exclusive' | 'certain' | 'possible' {
  const frames = doc.template?.frames;
  return frames ? relation(frames[line.line], frames[other.line]) : 'certain';
}

/** Does one of these lines name its option with a placeholder (`{{ key }} {{ value }}`)? It may render as any option. */
export function hasPlaceholderNames(options: readonly OptionLine[]): boolean {
  return options.some((o) => o.name.template);
}
