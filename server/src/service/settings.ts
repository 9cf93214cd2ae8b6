/**
 * The extension's settings (section `dsm`), checked: a bad value is reported
 * and replaced by its default, never allowed to break the service.
 */
import type { LayoutSetting } from '../parser/fileKind';
import { BUILTIN_SERVERS, ServerCatalog, ServerEntry } from '../model/serverCatalog';
import { CODES, Code } from './features/diagnostics/rule';

export interface DsmSettings {
  serverCatalog: {
    /** `extend` adds the site's servers to the built-in ones; `replace` uses only the site's. */
    mode: 'extend' | 'replace';
    servers: ServerEntry[];
  };
  /** How to read a dsm.opt: `auto` decides from its content. */
  optionsFileLayout: LayoutSetting;
  /** Severity per diagnostic code; `off` silences it. */
  severity: Partial<Record<Code, SeverityLevel>>;
  /** Option names a site uses that the table does not know (capitals: minimum abbreviation, as IBM writes them). */
  knownOptions: string[];
}

export type SeverityLevel = 'error' | 'warning' | 'information' | 'hint' | 'off';
const LEVELS: readonly string[] = ['error', 'warning', 'information', 'hint', 'off'];

export const DEFAULT_SETTINGS: DsmSettings = {
  serverCatalog: { mode: 'extend', servers: [] },
  optionsFileLayout: 'auto',
  severity: {},
  knownOptions: [],
};

export interface CheckedSettings {
  settings: DsmSettings;
  /** One sentence for each value that was ignored, for the user. */
  problems: string[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkServer(v: unknown, i: number, problems: string[]): ServerEntry | undefined {
  const where = `dsm.serverCatalog.servers[${i}]`;
  if (!isRecord(v)) {
    problems.push(`${where} is not an object with address, tier and port; it was ignored.`);
    return undefined;
  }
  const { address, tier, port } = v;
  if (typeof address !== 'string' || !/^[^\s]{1,64}$/.test(address)) {
    problems.push(`${where}.address must be a host name or IP address of 1 to 64 characters without blanks; the entry was ignored.`);
    return undefined;
  }
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 32767) {
    problems.push(`${where}.port must be a whole number from 1 to 32767; the entry for ${address} was ignored.`);
    return undefined;
  }
  return { address, tier: typeof tier === 'string' && tier.trim() ? tier.trim() : 'site server', port };
}

/** Reads the raw `dsm` settings object a client sent. Anything missing takes its default. */
export function checkSettings(raw: unknown): CheckedSettings {
  const problems: string[] = [];
  const settings: DsmSettings = structuredClone(DEFAULT_SETTINGS);
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) return { settings, problems: ['The dsm settings are not an object; the defaults are used.'] };

  const catalog = raw.serverCatalog;
  if (isRecord(catalog)) {
    if (catalog.mode === 'replace' || catalog.mode === 'extend') settings.serverCatalog.mode = catalog.mode;
    else if (catalog.mode !== undefined) problems.push('dsm.serverCatalog.mode must be "extend" or "replace"; "extend" is used.');
    if (Array.isArray(catalog.servers)) {
      settings.serverCatalog.servers = catalog.servers
        .map((s, i) => checkServer(s, i, problems))
        .filter((s): s is ServerEntry => s !== undefined);
    } else if (catalog.servers !== undefined) {
      problems.push('dsm.serverCatalog.servers must be a list of {address, tier, port}; it was ignored.');
    }
  } else if (catalog !== undefined) {
    problems.push('dsm.serverCatalog must be an object with mode and servers; it was ignored.');
  }

  const layout = raw.optionsFileLayout;
  if (layout === 'auto' || layout === 'unix' || layout === 'windows') settings.optionsFileLayout = layout;
  else if (layout !== undefined) problems.push('dsm.optionsFileLayout must be "auto", "unix" or "windows"; "auto" is used.');

  const severity = raw.severity;
  if (isRecord(severity)) {
    for (const [code, level] of Object.entries(severity)) {
      if (!(code in CODES)) problems.push(`dsm.severity names no diagnostic code "${code}"; it was ignored.`);
      else if (typeof level !== 'string' || !LEVELS.includes(level)) problems.push(`dsm.severity.${code} must be one of ${LEVELS.join(', ')}; it was ignored.`);
      else settings.severity[code as Code] = level as SeverityLevel;
    }
  } else if (severity !== undefined) {
    problems.push('dsm.severity must be an object of code: level; it was ignored.');
  }

  const known = raw.knownOptions;
  if (Array.isArray(known)) {
    for (const name of known) {
      if (typeof name === 'string' && /^[A-Za-z][\w.-]{0,63}$/.test(name)) settings.knownOptions.push(name);
      else problems.push(`dsm.knownOptions: ${JSON.stringify(name)} is not an option name; it was ignored.`);
    }
  } else if (known !== undefined) {
    problems.push('dsm.knownOptions must be a list of option names; it was ignored.');
  }

  return { settings, problems };
}

/** The catalog the settings describe: the built-in servers, extended or replaced by the site's. */
export function catalogFor(settings: DsmSettings): ServerCatalog {
  const site = settings.serverCatalog.servers;
  return new ServerCatalog(settings.serverCatalog.mode === 'replace' ? site : [...BUILTIN_SERVERS, ...site]);
}
