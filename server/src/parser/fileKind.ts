/**
 * What kind of options file a document is, from its name and, for dsm.opt,
 * from what it holds.
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

/** What a file's name alone tells of its kind: `opt` leaves the layout to the content. */
export type NamedKind = 'sys' | 'opt';

/**
 * The kind a file's name tells, or undefined when it tells nothing. The one
 * recognition by name: the parser uses it, and dsm-lint picks the files of a
 * folder with it.
 */
export function kindFromName(uri: string): NamedKind | undefined {
  const name = basename(uri);
  if (/\.sys(\.smp)?$/.test(name)) return 'sys';
  if (/\.opt(\.smp)?$/.test(name)) return 'opt';
  return undefined;
}

/**
 * A dsm.opt that selects a stanza (SErvername) is a UNIX user options file,
 * whatever else it holds; one that connects to a server itself is complete.
 */
export function detectFileKind(uri: string, options: OptionLine[], layout: LayoutSetting): FileKind {
  const named = kindFromName(uri);
  if (named === 'sys') return 'sys';
  const optLayout = (): FileKind => {
    if (layout !== 'auto') return layout === 'unix' ? 'opt-unix' : 'opt-windows';
    return !selectsStanza(options) && hasConnectionOptions(options) ? 'opt-windows' : 'opt-unix';
  };
  if (named === 'opt') return optLayout();
  // A name that tells nothing (an untitled buffer): stanza headers followed by connection options make a dsm.sys.
  const firstStanza = options.findIndex((o) => o.option?.name.toLowerCase() === 'servername');
  if (firstStanza !== -1 && hasConnectionOptions(options.slice(firstStanza + 1))) return 'sys';
  return optLayout();
}
