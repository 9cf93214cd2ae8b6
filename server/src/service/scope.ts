/**
 * The scope model: one answer to "what is in effect here", for
 *
 * - a dsm.sys server stanza (its header and its options),
 * - the options of a dsm.sys outside its stanzas,
 * - a dsm.opt (every option of the file),
 * - the pair a UNIX dsm.opt selects: the dsm.opt over the dsm.sys stanza it
 *   names (see `Scope.over`).
 *
 * For each option: the line that sets it (the last one, which takes effect),
 * its value, and the option table's default where nothing sets it. Hover,
 * completion, the firewall, formatting and the diagnostic rules all ask here,
 * by typed option identifiers (`Opt.SCHEDMODE`), never by string.
 *
 * Precedence of the pair: where an option is set in both files, the dsm.sys
 * wins. IBM, "Understanding configuration and options files" (Table 1,
 * configuration sources in order of decreasing priority: 1. dsm.sys, ...,
 * 4. dsm.opt): https://www.ibm.com/docs/en/SSEQVQ_8.1.11/api/c_ovw_cfg_opt.html
 */
import { Opt, type OptName } from '../model/opt';
import type { OptionSpec, OptionTable, Place } from '../model/optionTable';
import { stanzaAt } from '../parser/stanzas';
import type { DsmDocument, OptionLine, Stanza, Word } from '../parser/types';

/** Where a value in effect comes from: a line of a file (0-based), or the option table's default. */
export type Source = { uri: string; line: number } | 'default';

/** One option in effect. */
export interface EffectiveOption {
  /** The option's name as the table writes it (`SCHEDMODe`). */
  name: string;
  /** Its value as written (words joined by a blank), or the table's default. */
  value: string;
  source: Source;
  option: OptionSpec;
  /** The line that sets it, when one does. */
  line?: OptionLine;
}

export class Scope {
  /** In a large scope, the last line per option (by its position in the table), made on the first question. */
  private index: (OptionLine | undefined)[] | undefined;
  private allLines: readonly OptionLine[] | undefined;

  constructor(
    /** The file the lines come from. */
    readonly uri: string,
    /** The stanza header, when the scope is a stanza. */
    readonly header: OptionLine | undefined,
    /** The options after the header (or all of them), in order. */
    readonly options: readonly OptionLine[],
    readonly table: OptionTable,
    /** The stanza, when the scope is one. */
    readonly stanza?: Stanza,
    /** The scope these lines stand under, which wins where both set an option (the dsm.sys stanza a UNIX dsm.opt selects). */
    readonly over?: Scope,
    /** Where in the files the scope stands: whose options' defaults are in effect here (all, when not known). */
    readonly places?: readonly Place[],
  ) {}

  /** The lines of the scope, in order (a stanza's header first). */
  get lines(): readonly OptionLine[] {
    return (this.allLines ??= this.header ? [this.header, ...this.options] : this.options);
  }

  /** The line that sets the option here (the last one in the file; the dsm.sys one over a dsm.opt's), if any. */
  line(name: OptName): OptionLine | undefined {
    return this.over?.line(name) ?? this.ownLine(name);
  }

  /** The file of the line in effect for an option. */
  uriOf(name: OptName): string | undefined {
    if (this.over?.line(name)) return this.over.uriOf(name);
    return this.ownLine(name) ? this.uri : undefined;
  }

  /** Every line of this scope (the dsm.sys ones first) that sets the option, in order: for the options given many times (DOMAIN, INCLUDE). */
  all(name: OptName): OptionLine[] {
    const own = this.lines.filter((o) => o.option?.name === name);
    return this.over ? [...this.over.all(name), ...own] : own;
  }

  isSet(name: OptName): boolean {
    return this.line(name) !== undefined;
  }

  /** A value word of the line in effect. */
  word(name: OptName, index = 0): Word | undefined {
    return this.line(name)?.values[index];
  }

  /** The text of a value word of the line in effect. */
  text(name: OptName, index = 0): string | undefined {
    return this.word(name, index)?.text;
  }

  /** The keywords of the line in effect, canonical and in lower case (MANAGEDSERVICES takes several); none for a placeholder or a word the option does not take. */
  keywords(name: OptName): string[] {
    const o = this.line(name);
    if (!o?.option) return [];
    const out: string[] = [];
    for (const w of o.values) {
      if (w.template) continue;
      const r = this.table.resolveKeyword(o.option, w.text);
      if (r.kind === 'match') out.push(r.item.toLowerCase());
    }
    return out;
  }

  /** The first keyword in effect, canonical and in lower case. */
  keyword(name: OptName): string | undefined {
    return this.keywords(name)[0];
  }

  /** The first value word as written, else the table's default. */
  textOrDefault(name: OptName): string | undefined {
    return this.text(name) ?? this.defaultOf(name);
  }

  /** The table's default for an option (null in the table: none). */
  defaultOf(name: OptName): string | undefined {
    return this.table.named(name)?.default ?? undefined;
  }

  /**
   * Every option in effect, in the table's order: what the lines set, and
   * with `defaults` the table's default of each option that nothing sets
   * and that may stand in this scope's places. A repeatable option (DOMAIN,
   * INCLUDE, INCLEXCL) is in effect with every line that gives it, one entry
   * each, in the order the client reads them (the dsm.sys ones first); a
   * stanza header counts once.
   */
  effective(defaults = false): EffectiveOption[] {
    const out: EffectiveOption[] = [];
    const places = this.allPlaces();
    for (const option of this.table.options) {
      const name = option.name as OptName;
      const line = this.line(name);
      if (line && option.repeatable && name !== Opt.SERVERNAME) {
        for (const o of this.sourced(name)) out.push(entry(option, o.line, o.uri));
      } else if (line) {
        out.push(entry(option, line, this.uriOf(name)!));
      } else if (defaults && option.default !== null && (!places || option.where.some((p) => places.includes(p)))) {
        out.push({ name, value: option.default, source: 'default', option });
      }
    }
    return out;
  }

  /** This scope's places and those of the scope it stands under; undefined when not known. */
  private allPlaces(): readonly Place[] | undefined {
    if (!this.places) return undefined;
    return this.over?.places ? [...this.over.places, ...this.places] : this.places;
  }

  /** Every line that sets the option, with its file: the scope's it stands under first. */
  private sourced(name: OptName): { line: OptionLine; uri: string }[] {
    const own = this.lines.filter((o) => o.option?.name === name).map((line) => ({ line, uri: this.uri }));
    return this.over ? [...this.over.sourced(name), ...own] : own;
  }

  private ownLine(name: OptName): OptionLine | undefined {
    const options = this.options;
    // A scope of a few lines (most stanzas) is searched; a large one is indexed once (a file of 100,000 stanzas keeps no index per stanza).
    if (options.length <= SEARCHED) {
      for (let i = options.length - 1; i >= 0; i--) if (options[i].option?.name === name) return options[i];
      return this.header?.option?.name === name ? this.header : undefined;
    }
    let index = this.index;
    if (index === undefined) {
      index = new Array<OptionLine | undefined>(this.table.options.length);
      for (const o of this.lines) {
        const at = o.option?.index;
        if (at !== undefined) index[at] = o;
      }
      this.index = index;
    }
    const at = this.table.named(name)?.index;
    return at === undefined ? undefined : index[at];
  }
}

/** Scopes of at most this many lines are searched, not indexed. */
const SEARCHED = 32;

function entry(option: OptionSpec, line: OptionLine, uri: string): EffectiveOption {
  return {
    name: option.name,
    value: line.values.map((w) => w.text).join(' '),
    source: { uri, line: line.line },
    option,
    line,
  };
}

/** Where a file's options outside stanzas stand, by its kind (an include-exclude file has none). */
const FILE_PLACES: Partial<Record<DsmDocument['fileKind'], Place[]>> = {
  sys: ['sys-global'],
  'opt-unix': ['opt-unix'],
  'opt-windows': ['opt-windows'],
};

/** Scopes are made once per document version and kept with it. */
const stanzaScopes = new WeakMap<Stanza, Scope>();
const STANZA_PLACES: Place[] = ['sys-stanza'];
const fileScopes = new WeakMap<DsmDocument, Scope>();

/** The scope of a dsm.sys stanza: its header and options. Only a large one is kept (with its index): a small one costs less to make again. */
export function stanzaScope(doc: DsmDocument, stanza: Stanza, table: OptionTable): Scope {
  let scope = stanza.options.length > SEARCHED ? stanzaScopes.get(stanza) : undefined;
  if (scope === undefined || scope.table !== table) {
    scope = new Scope(doc.uri, stanza.header, stanza.options, table, stanza, undefined, STANZA_PLACES);
    if (stanza.options.length > SEARCHED) stanzaScopes.set(stanza, scope);
  }
  return scope;
}

/** The scope outside any stanza: a dsm.opt's options, or those of a dsm.sys before its first stanza. */
export function fileScope(doc: DsmDocument, table: OptionTable): Scope {
  let scope = fileScopes.get(doc);
  if (scope === undefined || scope.table !== table) {
    scope = new Scope(doc.uri, undefined, doc.unscoped, table, undefined, undefined, FILE_PLACES[doc.fileKind]);
    fileScopes.set(doc, scope);
  }
  return scope;
}

/** The scope a line stands in: its stanza's, or the file's. */
export function scopeAt(doc: DsmDocument, line: number, table: OptionTable): Scope {
  const stanza = stanzaAt(doc, line);
  return stanza ? stanzaScope(doc, stanza, table) : fileScope(doc, table);
}

/** The scopes a client connection reads: the options outside stanzas, then each server stanza's (fail-over stanzas left out). */
export function serverScopes(doc: DsmDocument, table: OptionTable): Scope[] {
  return [
    fileScope(doc, table),
    ...doc.stanzas.filter((s) => s.kind === 'server').map((s) => stanzaScope(doc, s, table)),
  ];
}

/** What a UNIX dsm.opt reads: its own options under those of the dsm.sys stanza it selects. */
export function pairScope(opt: DsmDocument, sys: DsmDocument, stanza: Stanza, table: OptionTable): Scope {
  return new Scope(opt.uri, undefined, opt.unscoped, table, undefined, stanzaScope(sys, stanza, table), ['opt-unix']);
}
