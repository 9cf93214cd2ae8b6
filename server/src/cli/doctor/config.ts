/**
 * What the option files say that the doctor needs: the stanza in use and,
 * in it, the server's address and port, the scheduling mode, the password
 * and log options.
 */
import * as path from 'path';
import { pathToFileURL } from 'url';
import { lastOption } from '../../parser/document';
import { Opt, OptName } from '../../model/opt';
import type { DsmDocument, OptionLine } from '../../parser/types';
import type { DsmLanguageService } from '../../service/languageService';
import { decode } from '../encoding';
import type { HostFs } from './locate';
import { readFileSync } from 'fs';

/** The options the doctor reads. */
export const OPT = {
  servername: Opt.SERVERNAME,
  defaultServer: Opt.DEFAULTSERVER,
  address: Opt.TCPSERVERADDRESS,
  port: Opt.TCPPORT,
  schedmode: Opt.SCHEDMODE,
  sessionInitiation: Opt.SESSIONINITIATION,
  clientPort: Opt.TCPCLIENTPORT,
  passwordAccess: Opt.PASSWORDACCESS,
  passwordDir: Opt.PASSWORDDIR,
  schedLog: Opt.SCHEDLOGNAME,
  errorLog: Opt.ERRORLOGNAME,
  managedServices: Opt.MANAGEDSERVICES,
  inclExcl: Opt.INCLEXCL,
} as const;

/** One option's value as set, and where. */
export interface Setting {
  value: string;
  /** All the value's words (MANAGEDSERVICES schedule webclient). */
  words: string[];
  file: string;
  line: number;
}

export interface StanzaConfig {
  name: string;
  file: string;
  line: number;
  get(option: OptName): Setting | undefined;
  /** Every INCLEXCL file it names. */
  inclExcl: string[];
}

export function readDoc(host: HostFs, service: DsmLanguageService, file: string): DsmDocument | undefined {
  try {
    const text = decode(readFileSync(host.local(file))).text;
    // Parsed under the host's name of the file, so that its kind is known from the name.
    const uri = pathToFileURL(path.resolve(host.local(file))).href;
    const doc = service.parse(text, uri);
    return doc;
  } catch {
    return undefined;
  }
}

function settingOf(o: OptionLine | undefined, file: string): Setting | undefined {
  if (!o || !o.values.length) return undefined;
  return { value: o.values[0].text, words: o.values.map((w) => w.text), file, line: o.line };
}

function config(name: string, file: string, line: number, options: readonly OptionLine[]): StanzaConfig {
  return {
    name,
    file,
    line,
    get: (option) => settingOf(lastOption(options, option), file),
    inclExcl: options
      .filter((o) => lastOption([o], OPT.inclExcl))
      .map((o) => o.values[0]?.text)
      .filter((v): v is string => !!v),
  };
}

/**
 * The stanza the client uses: SERVERNAME in dsm.opt, else DEFAULTSERVER in dsm.sys, else the first
 * stanza (the order is marked unconfirmed in docs/tsm-option-files.md; it is the one the checker uses);
 * -servername on the scheduler's command line first.
 * On Windows (no dsm.sys) the whole dsm.opt. A message when none can be chosen.
 */
export function stanzaInUse(
  sys: { doc: DsmDocument; file: string } | undefined,
  opt: { doc: DsmDocument; file: string } | undefined,
  /** -servername=... on the scheduler's command line: it overrides the files. */
  commandLine?: string,
): StanzaConfig | { error: string; file?: string; line?: number } {
  if (!sys) {
    if (opt && opt.doc.fileKind === 'opt-windows') return config(path.basename(opt.file), opt.file, 0, opt.doc.options);
    return { error: 'no dsm.sys was found, so no server stanza can be read.' };
  }
  const servers = sys.doc.stanzas.filter((s) => s.kind === 'server');
  if (commandLine !== undefined) {
    const stanza = servers.find((s) => s.name.toLowerCase() === commandLine.toLowerCase());
    if (!stanza)
      return {
        error: `the scheduler runs with -servername=${commandLine}, a stanza ${sys.file} does not have.`,
        file: sys.file,
      };
    return config(stanza.name, sys.file, stanza.header.line, [stanza.header, ...stanza.options]);
  }
  const selected = opt && lastOption(opt.doc.unscoped, OPT.servername);
  const byDefault = lastOption(sys.doc.unscoped, OPT.defaultServer);
  const wanted = selected ?? byDefault;
  const name = wanted?.values[0]?.text;
  if (name !== undefined) {
    const stanza = servers.find((s) => s.name.toLowerCase() === name.toLowerCase());
    const where = selected ? opt!.file : sys.file;
    if (!stanza)
      return {
        error: `${selected ? 'dsm.opt selects' : 'DEFAULTSERVER names'} the stanza "${name}", which ${sys.file} does not have.`,
        file: where,
        line: wanted!.line,
      };
    return config(stanza.name, sys.file, stanza.header.line, [stanza.header, ...stanza.options]);
  }
  if (!servers.length) return { error: `${sys.file} has no SERVERNAME stanza.`, file: sys.file };
  return config(servers[0].name, sys.file, servers[0].header.line, [servers[0].header, ...servers[0].options]);
}

/** A file named in an option: an absolute path as it is, a relative one in the client's directory. */
export function fileSpec(host: HostFs, dir: string | undefined, spec: string): string {
  const abs = host.windows ? path.win32.isAbsolute(spec) : spec.startsWith('/');
  return abs || !dir ? spec : host.join(dir, spec);
}
