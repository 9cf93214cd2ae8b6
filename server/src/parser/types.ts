/**
 * The shapes the parser produces: a document of lines, each blank, a comment,
 * an option or (in a template) template syntax alone, grouped into dsm.sys stanzas. Types only, so that every
 * module can name them without importing the parser.
 */
import type { OptionSpec } from '../model/optionTable';
import type { Resolution } from '../model/abbreviations';
import type { OptionTable } from '../model/optionTable';

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
  /** The word holds template syntax (a placeholder, a tag): what it says is known only once the template is rendered. */
  template?: boolean;
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

/** A line of a template that holds only template syntax (control tags, template comments): it renders as no option. */
export interface TemplateLine {
  kind: 'template';
  line: number;
  /** Columns of its first and last non-blank characters (end exclusive). */
  start: number;
  end: number;
}

export type Entry = OptionLine | CommentLine | TemplateLine;

/** The template language of a file kept as a template: Jinja (Ansible, Salt), ERB (Puppet, Chef), EPP (Puppet). */
export type TemplateDialect = 'jinja' | 'erb' | 'epp';

/** A position in the text, as LSP writes it. */
export interface TextPosition {
  line: number;
  character: number;
}

/** One piece of template syntax, delimiters included: `{{ }}`, `{% %}`, `{# #}`, `<%= %>`, `<% %>`, `<%# %>`. */
export interface TemplateSpan {
  kind: 'expression' | 'statement' | 'comment';
  /** Where it starts and ends (end exclusive); a tag never closed ends at the end of its line. */
  range: { start: TextPosition; end: TextPosition };
}

/** A conditional (if, unless, case), a loop (for, each) or another block (macro, ...) of a template. */
export interface TemplateBlock {
  kind: 'if' | 'loop' | 'other';
  /** The lines of its opening and closing tags (a block never closed ends on the last line). */
  line: number;
  endLine: number;
  /** How many branches it has: `if`, `elif`, `elif`, `else` make four; a loop's `else` is its second. */
  branches: number;
  /** One of its branches is an `else`: some branch is always rendered. */
  hasElse: boolean;
}

/** Where a line stands in the template's blocks: in one branch of a block, itself in a branch of the enclosing one. */
export interface TemplateFrame {
  block: TemplateBlock;
  branch: number;
  parent: TemplateFrame | undefined;
  /** How many blocks it stands in: 1 for a block outside every other. */
  depth: number;
}

/**
 * How a file is kept as a template: its tag language, from its name
 * (`dsm.sys.j2`) or else from its text (`{{`, `{%`, `<%`), if it has one; and
 * whether placeholders (`${VAR}`, `$VAR`, `{name}`, `@VAR@`) count, which
 * they do only in a file named as a template (`dsm.sys.template`, `.tpl`, `.in`, `.j2`...).
 */
export interface TemplateSyntax {
  dialect: TemplateDialect | undefined;
  placeholders: boolean;
}

/** What a template adds to a parsed document. */
export interface TemplateInfo extends TemplateSyntax {
  /** The template syntax of the text, in order. */
  spans: TemplateSpan[];
  /** The blocks, in the order of their opening tags. */
  blocks: TemplateBlock[];
  /** Per line, the branch the line's entry stands in (undefined: outside every block, rendered whenever the file is). */
  frames: (TemplateFrame | undefined)[];
}

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
  options: OptionLine[];
  comments: CommentLine[];
  /** dsm.sys stanzas, in order; empty for dsm.opt. */
  stanzas: Stanza[];
  /** Options outside any stanza: in dsm.sys those before the first one, in dsm.opt all of them. */
  unscoped: OptionLine[];
  /** The entry on each line, for position look-ups. */
  byLine: (Entry | undefined)[];
  /** Set when the file is a template (by its name, or by the tags in its text): where its template syntax is, and its branches. */
  template?: TemplateInfo;
}

export interface ParseOptions {
  table: OptionTable;
  layout?: LayoutSetting;
  /** An INCLExcl option of a known options file names this document: it is an include-exclude file, whatever its name. */
  inclExclTarget?: boolean;
}
