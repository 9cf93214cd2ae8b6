/**
 * Effective options: every option in effect for a dsm.sys stanza, a Windows
 * dsm.opt, or a UNIX dsm.opt with the dsm.sys stanza it selects, with where
 * each value comes from (a line, or the option table's default) and, where
 * the server can set or override it, by which command. The answer of
 * dsm.effectiveOptions and of `dsm-lint show`; what is in effect is the
 * scope model's (scope.ts), never worked out again here.
 *
 * Which options the server can override: IBM, "Scheduler processing options"
 * (a table of client-defined, server-defined and server-override options),
 * https://www.ibm.com/docs/SSEQVQ_8.1.22/client/c_sched_optunder.html, and
 * each command's page, as data in data/serverOverrides.json.
 *
 * Which stanza a UNIX dsm.opt reads: the one its SErvername names, else the
 * dsm.sys's DEFAULTServer, else the first stanza. IBM's pages found so far do
 * not spell out the last step: it is the order this project's notes record
 * as unconfirmed.
 */
import rawOverrides from '../../data/serverOverrides.json';
import { Opt } from '../../model/opt';
import { stanzaAt } from '../../parser/stanzas';
import type { DsmDocument, Stanza } from '../../parser/types';
import type { ServiceContext } from '../context';
import { Scope, Source, fileScope, pairScope, stanzaScope } from '../scope';
import { baseName } from '../../util/uris';

/** How the server can set an option (data/serverOverrides.json). */
export interface ServerOverride {
  /** The option's key in Opt (its full name in capitals). */
  option: keyof typeof Opt;
  /** The server command: `SET QUERYSCHEDPERIOD`. */
  command: string;
  /** override: the server's value replaces the client's; restrict: the server allows only some values; node: kept in the node's definition. */
  kind: 'override' | 'restrict' | 'node';
  note: string;
  page: string;
}

interface OverrideData {
  table: string;
  options: ServerOverride[];
  optionSets: { command: string; note: string; pages: string[] };
}

export const SERVER_OVERRIDES = rawOverrides as OverrideData;

/** By the option's name as the table writes it. */
const OVERRIDES: ReadonlyMap<string, ServerOverride> = new Map(SERVER_OVERRIDES.options.map((o) => [Opt[o.option], o]));

/** How the server can set the option named so (as the table writes it), if it can. */
export function serverOverrideOf(name: string): ServerOverride | undefined {
  return OVERRIDES.get(name);
}

/** One option in effect, as the command answers it. */
export interface EffectiveEntry {
  /** As the option table writes it (`SCHEDMODe`). */
  name: string;
  value: string;
  source: Source;
  /** The server command that can set or override it. */
  serverOverride?: string;
}

export interface EffectiveRequest {
  /** A dsm.sys stanza by name (case-insensitive); for a UNIX dsm.opt, instead of the one it selects. */
  stanza?: string;
  /** Also the table's defaults of what nothing sets. */
  defaults?: boolean;
  /** A dsm.sys: the stanza this line (0-based) stands in, when no stanza is named (the editor's cursor). */
  line?: number;
}

export interface EffectiveOptions {
  /** What the options are of, in words: `stanza BUCKY5 of dsm.sys`. */
  title: string;
  options: EffectiveEntry[];
  /** What the answer could not take into account for this file. */
  notes: string[];
}

function fileName(uri: string): string {
  return baseName(uri) || uri;
}

function serverStanzas(doc: DsmDocument): Stanza[] {
  return doc.stanzas.filter((s) => s.kind === 'server');
}

function named(doc: DsmDocument, name: string): Stanza | undefined {
  const lower = name.toLowerCase();
  return serverStanzas(doc).find((s) => s.name.toLowerCase() === lower);
}

/** The stanza a client reads without being told: DEFAULTServer's, else the first. */
function defaultStanza(sys: DsmDocument, ctx: ServiceContext): Stanza | undefined {
  const name = fileScope(sys, ctx.table).text(Opt.DEFAULTSERVER);
  return (name !== undefined ? named(sys, name) : undefined) ?? serverStanzas(sys)[0];
}

function noSuchStanza(doc: DsmDocument, name: string): { error: string } {
  const names = serverStanzas(doc).map((s) => s.name);
  return {
    error: `No stanza named ${name} in ${fileName(doc.uri)}.${names.length ? ` Stanzas: ${names.join(', ')}.` : ''}`,
  };
}

/** The scope asked for, and what it is in words; or why there is none. */
function chooseScope(
  doc: DsmDocument,
  ctx: ServiceContext,
  request: EffectiveRequest,
  sys: DsmDocument | undefined,
): { scope: Scope; title: string; notes: string[] } | { error: string } {
  const notes: string[] = [];
  if (doc.fileKind === 'sys') {
    const at = request.line !== undefined ? stanzaAt(doc, request.line) : undefined;
    const stanza =
      request.stanza !== undefined ? named(doc, request.stanza) : at?.kind === 'server' ? at : defaultStanza(doc, ctx);
    if (!stanza)
      return request.stanza !== undefined
        ? noSuchStanza(doc, request.stanza)
        : { error: `${fileName(doc.uri)} has no server stanza.` };
    return {
      scope: stanzaScope(doc, stanza, ctx.table),
      title: `stanza ${stanza.name} of ${fileName(doc.uri)}`,
      notes,
    };
  }
  if (doc.fileKind === 'opt-windows') {
    if (request.stanza !== undefined)
      notes.push('A Windows dsm.opt has no stanzas: the stanza asked for is left aside.');
    return { scope: fileScope(doc, ctx.table), title: fileName(doc.uri), notes };
  }
  if (doc.fileKind === 'opt-unix') {
    const own = fileScope(doc, ctx.table);
    if (!sys || sys.fileKind !== 'sys') {
      notes.push(
        'The dsm.sys beside this file could not be read: only the options of this file are shown, without the stanza it selects.',
      );
      return { scope: own, title: fileName(doc.uri), notes };
    }
    const selected = request.stanza ?? own.text(Opt.SERVERNAME);
    const stanza = selected !== undefined ? named(sys, selected) : defaultStanza(sys, ctx);
    if (!stanza && request.stanza !== undefined) return noSuchStanza(sys, request.stanza);
    if (!stanza) {
      notes.push(
        selected !== undefined
          ? `SErvername ${selected} names no stanza of the dsm.sys beside this file.`
          : 'The dsm.sys beside this file has no server stanza.',
      );
      return { scope: own, title: fileName(doc.uri), notes };
    }
    return {
      scope: pairScope(doc, sys, stanza, ctx.table),
      title: `${fileName(doc.uri)} with stanza ${stanza.name} of ${fileName(sys.uri)}`,
      notes,
    };
  }
  return { error: 'An include-exclude file sets no options of its own: ask for the dsm.sys or dsm.opt that names it.' };
}

/**
 * Every option in effect for a dsm.sys stanza (the one asked for, else
 * DEFAULTServer's, else the first), a Windows dsm.opt, or a UNIX dsm.opt
 * with the stanza it selects in `sys`, the dsm.sys beside it.
 */
export function effectiveOptions(
  doc: DsmDocument,
  ctx: ServiceContext,
  request: EffectiveRequest = {},
  sys?: DsmDocument,
): EffectiveOptions | { error: string } {
  const chosen = chooseScope(doc, ctx, request, sys);
  if ('error' in chosen) return chosen;
  const options = chosen.scope.effective(request.defaults === true).map((e): EffectiveEntry => {
    const override = OVERRIDES.get(e.name);
    return {
      name: e.name,
      value: e.value,
      source: e.source,
      ...(override ? { serverOverride: override.command } : {}),
    };
  });
  return { title: chosen.title, options, notes: chosen.notes };
}
