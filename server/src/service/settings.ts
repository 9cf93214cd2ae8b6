/**
 * The extension's settings (section `dsm`), checked against the one
 * definition of them: the `dsm.*` schema that package.json contributes to
 * VS Code. A bad value is reported in a sentence and replaced by its default
 * (a bad item of a list is dropped); it never stops the checks.
 */
import { contributes } from '../../../package.json';
import type { LayoutSetting } from '../parser/types';
import { BUILTIN_SERVERS, ServerCatalog, ServerEntry } from '../model/serverCatalog';
import type { Code, SeverityLevel } from './codes';
import { Schema, check, isRecord } from '../util/jsonSchema';

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
  /** How Format Document writes the file. */
  format: { canonicalNames: boolean };
}

/** The `dsm.*` settings as package.json declares them, by full key (`dsm.serverCatalog.mode`). */
export const SETTINGS_SCHEMA: Readonly<Record<string, Schema>> = contributes.configuration.properties as Record<
  string,
  Schema
>;

/** Settings that only the VS Code client reads; the server takes no notice of them. */
const CLIENT_ONLY = new Set(['dsm.trace.server']);

export interface CheckedSettings {
  settings: DsmSettings;
  /** One sentence for each value that was ignored, for the user. */
  problems: string[];
}

/**
 * The raw value a client sent for one key. Clients send the `dsm` section
 * nested (`{serverCatalog: {mode}}`, as VS Code does), with dotted keys
 * (`{"serverCatalog.mode": ...}`), or keyed by the full setting name
 * (`{"dsm.serverCatalog.mode": ...}`, as a settings.json has it).
 */
function rawValue(raw: Record<string, unknown>, key: string, problems: string[]): unknown {
  const relative = key.slice('dsm.'.length);
  if (raw[key] !== undefined) return raw[key];
  if (raw[relative] !== undefined) return raw[relative];
  let value: unknown = raw;
  let path = 'dsm';
  for (const part of relative.split('.')) {
    if (value === undefined) return undefined;
    if (!isRecord(value)) {
      problems.push(`${path} is not an object; the settings under it take their defaults.`);
      return undefined;
    }
    value = value[part];
    path += '.' + part;
  }
  return value;
}

/** The whole `dsm` section: the section itself, or an object holding it under `dsm` (as some editors' configurations nest it). */
function section(raw: unknown): unknown {
  return isRecord(raw) && isRecord(raw.dsm) ? raw.dsm : raw;
}

function fromChecked(values: Map<string, unknown>): DsmSettings {
  const servers = values.get('dsm.serverCatalog.servers') as (ServerEntry & { tier?: string })[];
  return {
    serverCatalog: {
      mode: values.get('dsm.serverCatalog.mode') as DsmSettings['serverCatalog']['mode'],
      servers: servers.map((s) => ({
        address: s.address,
        tier: s.tier?.trim() || 'site server',
        port: s.port,
        ...(s.schedmodes ? { schedmodes: s.schedmodes } : {}),
      })),
    },
    optionsFileLayout: values.get('dsm.optionsFileLayout') as LayoutSetting,
    severity: values.get('dsm.severity') as DsmSettings['severity'],
    knownOptions: values.get('dsm.knownOptions') as string[],
    format: { canonicalNames: values.get('dsm.format.canonicalNames') as boolean },
  };
}

/** Reads the raw `dsm` settings object a client sent. Anything missing takes its default. */
export function checkSettings(input: unknown): CheckedSettings {
  const problems: string[] = [];
  const raw = section(input);
  const values = new Map<string, unknown>();
  if (raw !== undefined && raw !== null && !isRecord(raw))
    problems.push('The dsm settings are not an object; the defaults are used.');
  for (const [key, schema] of Object.entries(SETTINGS_SCHEMA)) {
    if (CLIENT_ONLY.has(key)) continue;
    const given = isRecord(raw) ? rawValue(raw, key, problems) : undefined;
    let value = structuredClone(schema.default);
    if (given !== undefined) {
      const r = check(given, schema, key, problems);
      if (r.ok) value = r.value;
      else problems.push(`${r.why}; the default, ${JSON.stringify(schema.default)}, is used.`);
    }
    values.set(key, value);
  }
  return { settings: fromChecked(values), problems: [...new Set(problems)] };
}

export const DEFAULT_SETTINGS: DsmSettings = checkSettings(undefined).settings;

/** The catalog the settings describe: the built-in servers, extended or replaced by the site's. */
export function catalogFor(settings: DsmSettings): ServerCatalog {
  const site = settings.serverCatalog.servers;
  return new ServerCatalog(settings.serverCatalog.mode === 'replace' ? site : [...BUILTIN_SERVERS, ...site]);
}
