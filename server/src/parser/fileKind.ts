/**
 * What kind of options file a document is, from its name and, for dsm.opt,
 * from what it holds; and whether it is kept as a template, from its name.
 * The two compose: the template extension is taken off, then the kind is read
 * from the rest (`dsm.sys.j2` is a Jinja template of a dsm.sys).
 */
import type { FileKind, LayoutSetting, OptionLine, TemplateDialect } from './types';

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

function basename(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(last).toLowerCase();
  } catch {
    return last.toLowerCase();
  }
}

/** The template extensions, each with the template language it stands for. `.tmpl` is read as Jinja (Salt and others). */
const TEMPLATE_EXTENSIONS: ReadonlyMap<string, TemplateDialect> = new Map([
  ['j2', 'jinja'],
  ['jinja', 'jinja'],
  ['jinja2', 'jinja'],
  ['tmpl', 'jinja'],
  ['erb', 'erb'],
  ['epp', 'epp'],
]);

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1);
}

/** The template language of a document, from its name (`dsm.sys.j2`, `dsm.opt.erb`, `dsm.sys.epp`), or undefined for a plain file. */
export function templateDialect(uri: string): TemplateDialect | undefined {
  return TEMPLATE_EXTENSIONS.get(extensionOf(basename(uri)));
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

/**
 * A dsm.opt that selects a stanza (SErvername) is a UNIX user options file,
 * whatever else it holds; one that connects to a server itself is complete.
 */
export function detectFileKind(uri: string, options: OptionLine[], layout: LayoutSetting): FileKind {
  const name = withoutTemplateExtension(basename(uri));
  if (/\.sys(\.smp)?$/.test(name)) return 'sys';
  const optLayout = (): FileKind => {
    if (layout !== 'auto') return layout === 'unix' ? 'opt-unix' : 'opt-windows';
    return !selectsStanza(options) && hasConnectionOptions(options) ? 'opt-windows' : 'opt-unix';
  };
  if (/\.opt(\.smp)?$/.test(name)) return optLayout();
  // A name that tells nothing (an untitled buffer): stanza headers followed by connection options make a dsm.sys.
  // In a template, the options after the header may come from placeholders (`{{ key }} {{ value }}`).
  const firstStanza = options.findIndex((o) => o.option?.name.toLowerCase() === 'servername');
  const after = options.slice(firstStanza + 1);
  if (firstStanza !== -1 && (hasConnectionOptions(after) || after.some((o) => o.name.template))) return 'sys';
  return optLayout();
}
