/**
 * What kind of options file a document is, from its name and, for dsm.opt,
 * from what it holds; and which names mark an include-exclude file.
 */
import type { FileKind, LayoutSetting, OptionLine } from './types';

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

/** Suffixes of the template files that render option files (Ansible, Salt, Puppet, Chef). */
const TEMPLATE_SUFFIX = /\.(j2|jinja2?|erb|epp|tmpl|tpl|template)$/;

/**
 * An include-exclude file by its name (case-insensitive): a name containing
 * inclexcl, incl_excl or incexcl, or ending .excl, .incl, .exclude or
 * .include, and the templates of such files (`tsm.exclude.j2`).
 */
const INCLEXCL_NAME = /inclexcl|incl_excl|incexcl|\.(excl|incl|exclude|include)$/;

/** The names the workspace lists (option files) and watches (those and include-exclude files), as basename globs matched without regard to case. */
export const OPTION_FILE_GLOBS: readonly string[] = ['dsm*.sys', 'dsm*.opt'];
export const INCLEXCL_FILE_GLOBS: readonly string[] = ['*inclexcl*', '*incl_excl*', '*incexcl*', '*.excl', '*.incl', '*.exclude', '*.include'];
export const WATCHED_FILE_GLOBS: readonly string[] = [...OPTION_FILE_GLOBS, ...INCLEXCL_FILE_GLOBS];

export function isInclExclName(uri: string): boolean {
  return INCLEXCL_NAME.test(basename(uri).replace(TEMPLATE_SUFFIX, ''));
}

function basename(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  const last = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);
  try {
    return decodeURIComponent(last).toLowerCase();
  } catch {
    return last.toLowerCase();
  }
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
 * `inclExclTarget`: an INCLExcl option of a known options file names this file.
 */
export function detectFileKind(uri: string, options: OptionLine[], layout: LayoutSetting, inclExclTarget = false): FileKind {
  const name = basename(uri);
  // Named by an INCLExcl option of a known file, or named like one (before `.sys`/`.opt`: `dsm.opt` is never one).
  if (inclExclTarget || (!/\.(sys|opt)(\.smp)?$/.test(name) && isInclExclName(uri))) return 'inclexcl';
  if (/\.sys(\.smp)?$/.test(name)) return 'sys';
  const optLayout = (): FileKind => {
    if (layout !== 'auto') return layout === 'unix' ? 'opt-unix' : 'opt-windows';
    return !selectsStanza(options) && hasConnectionOptions(options) ? 'opt-windows' : 'opt-unix';
  };
  if (/\.opt(\.smp)?$/.test(name)) return optLayout();
  // A name that tells nothing (an untitled buffer): stanza headers followed by connection options make a dsm.sys.
  const firstStanza = options.findIndex((o) => o.option?.name.toLowerCase() === 'servername');
  if (firstStanza !== -1 && hasConnectionOptions(options.slice(firstStanza + 1))) return 'sys';
  return optLayout();
}
