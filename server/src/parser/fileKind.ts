/**
 * What kind of options file a document is, from its name and, for dsm.opt,
 * from what it holds; which names mark an include-exclude file; and whether
 * it is kept as a template, from its name or else from its text. The two compose: the template
 * extension is taken off, then the kind is read from the rest (`dsm.sys.j2`
 * is a Jinja template of a dsm.sys, `tsm.exclude.j2` of an include-exclude file).
 */
import type { CommentLine, FileKind, LayoutSetting, OptionLine, TemplateDialect, TemplateSyntax } from './types';

/**
 * Options that only a complete options file carries: a dsm.opt that holds one
 * of them talks to a server itself, so it is laid out as on Windows.
 */
export const SERVER_CONNECTION_OPTIONS: ReadonlySet<string> = new Set([
  'commmethod',
  'tcpserveraddress',
  'tcpport',
  'nodename',
  'passwordaccess',
  'schedmode',
  'tcpclientaddress',
  'tcpclientport',
  'queryschedperiod',
  'managedservices',
  'namedpipename',
  'ssl',
]);

/**
 * An include-exclude file by its name (case-insensitive): a name containing
 * inclexcl, incl_excl or incexcl, or ending .excl, .incl, .exclude or
 * .include, and the templates of such files (`tsm.exclude.j2`).
 */
const INCLEXCL_NAME = /inclexcl|incl_excl|incexcl|\.(excl|incl|exclude|include)$/;

/** The names the workspace lists (option files) and watches (those and include-exclude files), as file-name globs matched without regard to case. */
export const OPTION_FILE_GLOBS: readonly string[] = ['dsm*.sys', 'dsm*.opt'];
export const INCLEXCL_FILE_GLOBS: readonly string[] = [
  '*inclexcl*',
  '*incl_excl*',
  '*incexcl*',
  '*.excl',
  '*.incl',
  '*.exclude',
  '*.include',
];
export const WATCHED_FILE_GLOBS: readonly string[] = [...OPTION_FILE_GLOBS, ...INCLEXCL_FILE_GLOBS];

export function isInclExclName(uri: string): boolean {
  return INCLEXCL_NAME.test(withoutTemplateExtension(lowerCaseName(uri)));
}

/** The last part of a URI's path (either slash), decoded and in lower case: what names are matched against. */
function lowerCaseName(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(last).toLowerCase();
  } catch {
    return last.toLowerCase();
  }
}

/**
 * The template extensions, each with the template language it stands for.
 * `.tmpl` is read as Jinja (Salt and others). `.template`, `.tpl` and `.in`
 * name no language: the file's text tells whether it holds tags, and its
 * placeholders count (`${VAR}`, `{name}`, `@VAR@`: see placeholders.ts).
 */
const TEMPLATE_EXTENSIONS: ReadonlyMap<string, TemplateDialect | undefined> = new Map([
  ['j2', 'jinja'],
  ['jinja', 'jinja'],
  ['jinja2', 'jinja'],
  ['tmpl', 'jinja'],
  ['erb', 'erb'],
  ['epp', 'epp'],
  ['template', undefined],
  ['tpl', undefined],
  ['in', undefined],
]);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1);
}

/** The template language a document's name gives (`dsm.sys.j2`, `dsm.opt.erb`, `dsm.sys.epp`), or undefined (a plain file, or `dsm.sys.template`). */
export function templateDialect(uri: string): TemplateDialect | undefined {
  return TEMPLATE_EXTENSIONS.get(extensionOf(lowerCaseName(uri)));
}

/** Is the document named as a template (`dsm.sys.j2`, `dsm.sys.template`, `dsm.opt.in`)? */
export function isTemplateName(uri: string): boolean {
  return TEMPLATE_EXTENSIONS.has(extensionOf(lowerCaseName(uri)));
}

/** An EPP tag: Puppet's parameter list (`<%- | String $server | -%>`) or a `$variable` (ERB's Ruby writes `@variable`). */
const EPP_TAG = /<%[-=]?\s*(?:[|$]|(?:if|unless|case)\s+\$)/;

/**
 * The template language a text shows, whatever the file's name: Jinja when
 * it holds `{{` or `{%`, ERB or EPP (EPP when its tags hold Puppet
 * variables) when it holds `<%`; the first mark decides. A few native
 * searches of the text: a plain file pays about nothing.
 */
export function dialectFromText(text: string): TemplateDialect | undefined {
  const expression = text.indexOf('{{');
  const statement = text.indexOf('{%');
  const percent = text.indexOf('<%');
  const jinja = expression === -1 ? statement : statement === -1 ? expression : Math.min(expression, statement);
  if (percent === -1) return jinja === -1 ? undefined : 'jinja';
  if (jinja !== -1 && jinja < percent) return 'jinja';
  return EPP_TAG.test(text) ? 'epp' : 'erb';
}

/** Does this text (an edited line) hold a mark that dialectFromText reads? */
export function holdsDialectMarks(text: string): boolean {
  return /\{[{%]|<%/.test(text);
}

/** How a document is kept as a template, from its name and its text; undefined for a plain file. */
export function templateSyntax(uri: string, text: string): TemplateSyntax | undefined {
  const placeholders = isTemplateName(uri);
  const dialect = templateDialect(uri) ?? dialectFromText(text);
  return dialect !== undefined || placeholders ? { dialect, placeholders } : undefined;
}

/** A file name without its template extension, if it has one: `dsm.sys.j2` gives `dsm.sys`. */
export function withoutTemplateExtension(name: string): string {
  return TEMPLATE_EXTENSIONS.has(extensionOf(name)) ? name.slice(0, name.lastIndexOf('.')) : name;
}

function hasConnectionOptions(options: OptionLine[]): boolean {
  return options.some((o) => o.option !== undefined && SERVER_CONNECTION_OPTIONS.has(o.option.name.toLowerCase()));
}

function selectsStanza(options: OptionLine[]): boolean {
  return options.some((o) => o.option?.name.toLowerCase() === 'servername');
}

/** A Windows path in a value: a drive letter (`C:\`, `C:` alone as in DOMain, `*:\` in patterns) or a UNC path (`\\server\share`). */
const WINDOWS_PATH = /^(?:[A-Za-z*?]:(?:[\\/]|$)|\\\\[^\\\s])/;
/** A header comment (before the first option) that names Windows. */
const WINDOWS_HEADER = /\bwindows\b/i;
/** Value types that may hold a path; host names, numbers and keywords never do. */
const PATH_TYPES: ReadonlySet<string> = new Set(['filespec', 'text']);

/** What shows that a file is laid out for Windows: the line, and what was seen there. */
export interface LayoutEvidence {
  line: number;
  what: string;
}

/** The first sign that a file was written for a Windows client: a Windows header comment, or a Windows path in a value. */
export function windowsEvidence(
  options: readonly OptionLine[],
  comments: readonly CommentLine[],
): LayoutEvidence | undefined {
  const firstOption = options.length ? options[0].line : Infinity;
  for (const c of comments) {
    if (c.line > firstOption) break;
    if (WINDOWS_HEADER.test(c.text)) return { line: c.line, what: 'a header comment that names Windows' };
  }
  for (const o of options) {
    if (!o.option || !PATH_TYPES.has(o.option.value.type)) continue;
    const path = o.values.find((w) => WINDOWS_PATH.test(w.text));
    if (path) return { line: o.line, what: `the Windows path ${path.text}` };
  }
  return undefined;
}

/** What a file's name alone tells of its kind: `opt` leaves the layout to the content. */
export type NamedKind = 'sys' | 'opt' | 'inclexcl';

/**
 * The kind a file's name tells, or undefined when it tells nothing. The one
 * recognition by name: the parser uses it, and dsm-lint picks the files of a
 * folder with it.
 */
export function kindFromName(uri: string): NamedKind | undefined {
  const name = withoutTemplateExtension(lowerCaseName(uri));
  // Named like an include-exclude file, unless the name ends as an options file does (`dsm.opt` is never one).
  if (!/\.(sys|opt)(\.smp)?$/.test(name) && isInclExclName(uri)) return 'inclexcl';
  if (/\.sys(\.smp)?$/.test(name)) return 'sys';
  if (/\.opt(\.smp)?$/.test(name)) return 'opt';
  return undefined;
}

/**
 * Is this the name of a file the extension claims (what VS Code opens in the
 * dsm language, and what dsm-lint picks from a folder)? dsm.sys, dsm*.opt,
 * their .smp samples and their templates, and include-exclude files. Any
 * *.sys or *.opt is read as one when it is opened or named, but a folder
 * holds other files of those names (Windows drivers, other tools' options).
 */
export function isOptionFileName(uri: string): boolean {
  const kind = kindFromName(uri);
  return kind === 'inclexcl' || (kind !== undefined && withoutTemplateExtension(lowerCaseName(uri)).startsWith('dsm'));
}

/**
 * A dsm.opt with a Windows path or a Windows header is a Windows options file,
 * even when it holds SErvername (which IBM documents for UNIX only: it is
 * flagged there). Otherwise a dsm.opt that selects a stanza (SErvername) is a
 * UNIX user options file, whatever else it holds; one that connects to a
 * server itself is complete. `inclExclTarget`: an INCLExcl option of a known
 * options file names this file, which makes it an include-exclude file.
 */
export function detectFileKind(
  uri: string,
  options: OptionLine[],
  layout: LayoutSetting,
  comments: readonly CommentLine[] = [],
  inclExclTarget = false,
): FileKind {
  // A name that says dsm.sys or dsm.opt wins over an INCLExcl option that names the file (a mistake of that option).
  const named = kindFromName(uri) ?? (inclExclTarget ? 'inclexcl' : undefined);
  if (named === 'sys' || named === 'inclexcl') return named;
  const optLayout = (): FileKind => {
    if (layout !== 'auto') return layout === 'unix' ? 'opt-unix' : 'opt-windows';
    if (windowsEvidence(options, comments)) return 'opt-windows';
    return !selectsStanza(options) && hasConnectionOptions(options) ? 'opt-windows' : 'opt-unix';
  };
  if (named === 'opt') return optLayout();
  // A name that tells nothing (an untitled buffer): stanza headers followed by connection options make a dsm.sys, unless it was written for Windows.
  // In a template, the options after the header may come from placeholders (`{{ key }} {{ value }}`).
  const firstStanza = options.findIndex((o) => o.option?.name.toLowerCase() === 'servername');
  const after = options.slice(firstStanza + 1);
  const connects = hasConnectionOptions(after) || after.some((o) => o.name.template);
  if (firstStanza !== -1 && connects && !(layout === 'auto' && windowsEvidence(options, comments))) return 'sys';
  return optLayout();
}
