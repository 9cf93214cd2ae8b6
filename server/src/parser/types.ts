/**
 * The shapes the parser produces: a document of lines, each blank, a comment
 * or an option, grouped into dsm.sys stanzas. Types only, so that every
 * module can name them without importing the parser.
 */
import type { OptionSpec } from '../model/optionTable';
import type { Resolution } from '../model/abbreviations';

/**
 * `sys`: a UNIX dsm.sys with server stanzas.
 * `opt-unix`: a UNIX client user options file; selects a stanza, holds no SCHEDMODE.
 * `opt-windows`: a complete options file (the Windows layout): everything, flat.
 * `inclexcl`: an include-exclude file (named by INCLExcl): INCLUDE and EXCLUDE statements only.
 */
export type FileKind = 'sys' | 'opt-unix' | 'opt-windows' | 'inclexcl';
export type LayoutSetting = 'auto' | 'unix' | 'windows';

export interface Word {
  /** The text, without its surrounding quotes. */
  text: string;
  /** Columns of the word in its line, quotes included (end exclusive). */
  start: number;
  end: number;
  quote?: '"' | "'";
  /** A quote opened and not closed before the end of the line. */
  unterminated?: boolean;
}

export interface OptionLine {
  kind: 'option';
  line: number;
  /** The blanks before the name, as written (spaces and tabs). */
  indent: string;
  name: Word;
  /**
   * The value words. The parser reads them when they are first asked for
   * (most lines of a large file are include/exclude lines whose values no
   * check looks at), and keeps them from then on.
   */
  readonly values: Word[];
  /** Which option the name stands for, under the abbreviation rule. */
  resolution: Resolution<OptionSpec>;
  /** The option, when the name resolves to exactly one. */
  option?: OptionSpec;
}

export interface CommentLine {
  kind: 'comment';
  line: number;
  marker: '*' | '#';
  /** Columns of the comment, from its marker to its last non-blank character. */
  start: number;
  end: number;
  /** The text after the marker, trimmed. */
  text: string;
}

export type Entry = OptionLine | CommentLine;

export interface Stanza {
  /** `server` for SErvername, `replserver` for REPLSERVERName. */
  kind: 'server' | 'replserver';
  name: string;
  header: OptionLine;
  /** The stanza's options, after its header. */
  options: OptionLine[];
  /** The stanza runs from its header line to endLine, inclusive. */
  endLine: number;
}

export interface DsmDocument {
  uri: string;
  lineCount: number;
  /** The file's own line ending (its first one), used for inserted lines. */
  eol: '\n' | '\r\n' | '\r';
  fileKind: FileKind;
  /** Non-blank lines, in order. */
  entries: Entry[];
  options: OptionLine[];
  comments: CommentLine[];
  /** dsm.sys stanzas, in order; empty for dsm.opt. */
  stanzas: Stanza[];
  /** Options outside any stanza: in dsm.sys those before the first one, in dsm.opt all of them. */
  unscoped: OptionLine[];
  /** The entry on each line, for position look-ups. */
  byLine: (Entry | undefined)[];
}
