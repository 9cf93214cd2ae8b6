/**
 * The client option table: IBM's options as data (data/options.json), with
 * the abbreviation indexes the parser and the features look names up in.
 */
import rawTable from '../data/options.json';
import { AbbreviationIndex, Resolution } from './abbreviations';

/** Where an option may stand. */
export type Place = 'sys-global' | 'sys-stanza' | 'opt-unix' | 'opt-windows';
/** The platform a file is written for: its kinds are UNIX (dsm.sys, a UNIX dsm.opt) and Windows. */
export type Platform = 'unix' | 'windows';
/** A client platform as IBM's option pages mark them (HP-UX only in older versions). */
export type ClientPlatform = 'aix' | 'linux' | 'solaris' | 'macos' | 'hpux' | 'windows';
/** The client platforms a UNIX file may be for. */
export const UNIX_PLATFORMS: readonly ClientPlatform[] = ['aix', 'linux', 'solaris', 'macos', 'hpux'];
export const ALL_PLATFORMS: readonly ClientPlatform[] = [...UNIX_PLATFORMS, 'windows'];

export interface ValueSpec {
  type: 'keyword' | 'number' | 'yesno' | 'filespec' | 'text' | 'name' | 'host';
  /** Keyword values, minimum abbreviation in capitals. */
  keywords?: string[];
  min?: number;
  max?: number;
  unit?: string;
  /** one word; many words each of the type; or a first word of the type followed by free words. */
  words?: 'one' | 'many' | 'first';
  syntax?: string;
  /** What each keyword means, keyed by the canonical keyword. */
  values?: Record<string, string>;
  /** The option takes no value at all (QUIET, VERBOSE). */
  noValue?: boolean;
  /** Letters a number may carry after a comma (SCHEDLOGRetention 7,D). */
  suffixes?: string[];
}

export interface OptionSpec {
  name: string;
  value: ValueSpec;
  repeatable: boolean;
  default: string | null;
  where: Place[];
  /** IBM's default where it differs by platform; `default` stays the value most clients have. */
  defaults?: Partial<Record<ClientPlatform, string>>;
  /** The places IBM's page names, when fewer than `where` (which keeps the wider set: no false alarm). */
  documentedWhere?: Place[];
  platforms: ClientPlatform[];
  description: string;
  ibmPage: string;
  /** Its position in the table, set by the table: lets a scope index its lines by option in an array. */
  index?: number;
  /** IBM's page read for this option: its full ibm.com address and the documentation's version. */
  source?: { url: string; version: string };
  /** Why no IBM page of the option could be read (the README lists these). */
  unconfirmed?: string;
  /** What IBM's page, as read, did not show: treated leniently. */
  unverified?: ('abbreviation' | 'values')[];
  /** Where IBM's pages disagree; the table follows the reading that raises no false alarm. */
  contradictions?: string;
  /** The version from which IBM documents the option as removed or renamed. */
  removedIn?: string;
  /** The option IBM names as its replacement. */
  replacedBy?: string;
  /** True when IBM says the client still accepts the old option. */
  stillAccepted?: boolean;
}

/** Does the option run on a platform of this kind (`unix`: any of AIX, Linux, Solaris, macOS, HP-UX)? */
export function supports(option: OptionSpec, platform: Platform): boolean {
  return platform === 'windows' ? option.platforms.includes('windows') : option.platforms.some((p) => p !== 'windows');
}

/** Was this part of the option's entry left unshown by IBM's page as read (then the table is lenient about it)? */
export function isUnverified(option: OptionSpec, part: 'abbreviation' | 'values'): boolean {
  return option.unverified?.includes(part) === true;
}

/** Has IBM removed, renamed or replaced the option? */
export function isRemoved(option: OptionSpec): boolean {
  return option.removedIn !== undefined || option.replacedBy !== undefined;
}

export interface OptionTableData {
  options: OptionSpec[];
}

/** Yes/No as offered; the client also takes these synonyms (IBM's client books: 1/true/on and 0/false/off). */
const YES_NO = ['Yes', 'No'];
const YES_NO_ACCEPTED = [...YES_NO, 'ON', 'OFF', 'TRUE', 'FALSE', '1', '0'];

export class OptionTable {
  readonly options: readonly OptionSpec[];
  private readonly names: AbbreviationIndex<OptionSpec>;
  private readonly byName: Map<string, OptionSpec>;
  private readonly keywordIndexes = new Map<OptionSpec, AbbreviationIndex<string>>();

  constructor(data: OptionTableData) {
    this.options = data.options;
    // A table made over another (withKnownOptions) keeps the other's options first, at the same positions.
    data.options.forEach((o, i) => (o.index ??= i));
    this.byName = new Map(data.options.map((o) => [o.name, o] as const));
    this.names = new AbbreviationIndex(data.options.map((o) => [o.name, o] as const));
  }

  /**
   * Which option a name stands for. Where IBM's capitals for an option could
   * not be confirmed (`unverified: ["abbreviation"]`), a prefix shorter than the recorded
   * capitals that fits that option alone is accepted: the table must not
   * reject what the client may accept.
   */
  resolve(name: string): Resolution<OptionSpec> {
    const r = this.names.resolve(name);
    if (r.kind === 'tooShort' && r.items.length === 1 && isUnverified(r.items[0], 'abbreviation'))
      return { kind: 'match', item: r.items[0] };
    return r;
  }

  /** The option with exactly this name, as the table writes it (an Opt value). */
  named(name: string): OptionSpec | undefined {
    return this.byName.get(name);
  }

  lookup(name: string): OptionSpec | undefined {
    return this.names.lookup(name);
  }

  /** The canonical keywords of an option's value, as offered and documented (Yes/No for yesno), or none. */
  keywords(option: OptionSpec): string[] {
    if (option.value.type === 'yesno') return YES_NO;
    return option.value.keywords ?? [];
  }

  /** Resolves a value word against the keywords the option accepts, abbreviations and Yes/No synonyms included. */
  resolveKeyword(option: OptionSpec, word: string): Resolution<string> {
    let index = this.keywordIndexes.get(option);
    if (!index) {
      const accepted = option.value.type === 'yesno' ? YES_NO_ACCEPTED : this.keywords(option);
      index = new AbbreviationIndex(accepted.map((k) => [k, k] as const));
      this.keywordIndexes.set(option, index);
    }
    return index.resolve(word);
  }
}

let builtin: OptionTable | undefined;

/** The built-in table plus the names a site declared known (dsm.knownOptions): any value, anywhere. */
export function withKnownOptions(base: OptionTable, names: readonly string[]): OptionTable {
  if (!names.length) return base;
  const extra: OptionSpec[] = names.map((name) => ({
    name,
    value: { type: 'text', words: 'many' },
    repeatable: true,
    default: null,
    where: ['sys-global', 'sys-stanza', 'opt-unix', 'opt-windows'],
    platforms: [...ALL_PLATFORMS],
    description: 'An option this site declared known in the dsm.knownOptions setting.',
    ibmPage: '(site setting)',
    unconfirmed: 'declared known by this site (dsm.knownOptions)',
  }));
  return new OptionTable({ options: [...base.options, ...extra] });
}

/** The table shipped with the extension, loaded once. */
export function builtinOptionTable(): OptionTable {
  builtin ??= new OptionTable(rawTable as OptionTableData);
  return builtin;
}
