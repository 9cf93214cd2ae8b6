/**
 * What the language service knows of the other files of a client's setup:
 * a summary of each file (its stanzas, the stanza names it refers to, the
 * include-exclude files it names), and the index that answers for them.
 * The index is an interface: the server answers it from the files it has
 * read and the documents open in the editor; a web build answers it through
 * the editor. Pure: nothing here reads a file.
 */
import { Range } from 'vscode-languageserver-types';
import type { DsmDocument, FileKind, OptionLine, Stanza, Word } from '../parser/types';
import type { Platform } from '../model/optionTable';
import { Opt } from '../model/opt';
import { canonicalUri, resolveFileSpec, sameUri, siblingUri } from '../util/uris';

export type StanzaKind = 'server' | 'replserver';

export interface StanzaSummary {
  kind: StanzaKind;
  name: string;
  /** The name in the header, quotes excluded. */
  nameRange: Range;
  /** The header line, from the option name to the end of its value. */
  headerRange: Range;
  /** The server it reaches: its TCPSERVERADDRESS (REPLTCPSERVERADDRESS for a replication stanza), if set. */
  address?: string;
}

/** A stanza name written as the value of an option: DEFAULTServer, MYREPLICATIONServer, or a UNIX dsm.opt's SErvername. */
export interface StanzaReference {
  /** The option, as the table writes it. */
  option: string;
  target: StanzaKind;
  name: string;
  /** The name, quotes excluded. */
  range: Range;
}

export interface FileSummary {
  uri: string;
  kind: FileKind;
  stanzas: StanzaSummary[];
  references: StanzaReference[];
  /** The files its INCLExcl options name, as URIs (canonical: decoded). */
  inclExclTargets: string[];
}

/** The other files of the workspace, as far as they are known now. Answering never reads a file. */
export interface WorkspaceIndex {
  /** A file's summary: an open document as it is in the editor, another file as last read; undefined when not known. */
  file(uri: string): FileSummary | undefined;
  /** Every file known: the open documents and the option files of the workspace folders. */
  files(): Iterable<FileSummary>;
  /** The known files whose INCLExcl options name this file (from what is already summarized: nothing is parsed to answer). */
  inclExclOwners(uri: string): FileSummary[];
}

/** The range of a word without its quotes: what a rename replaces. */
export function innerRange(line: number, w: Word): Range {
  const q = w.quote ? 1 : 0;
  return Range.create(line, w.start + q, line, w.end - (q && !w.unterminated ? 1 : 0));
}

function reference(o: OptionLine, target: StanzaKind): StanzaReference | undefined {
  const w = o.values[0];
  return w && o.option ? { option: o.option.name, target, name: w.text, range: innerRange(o.line, w) } : undefined;
}

/** What a summary takes from each option that matters to it, by the option's name as the table writes it. */
type Role = StanzaKind | 'selects' | 'inclexcl' | 'address' | 'repladdress';
const ROLES: ReadonlyMap<string, Role> = new Map<string, Role>([
  [Opt.DEFAULTSERVER, 'server'],
  [Opt.MYREPLICATIONSERVER, 'replserver'],
  [Opt.SERVERNAME, 'selects'],
  [Opt.INCLEXCL, 'inclexcl'],
  [Opt.TCPSERVERADDRESS, 'address'],
  [Opt.REPLTCPSERVERADDRESS, 'repladdress'],
]);

function roleOf(o: OptionLine): Role | undefined {
  return o.option && ROLES.get(o.option.name);
}

function stanzaSummary(s: Stanza): StanzaSummary | undefined {
  const w = s.header.values[0];
  if (!w) return undefined;
  const headerRange = Range.create(s.header.line, s.header.name.start, s.header.line, w.end);
  return { kind: s.kind, name: s.name, nameRange: innerRange(s.header.line, w), headerRange };
}

const summaries = new WeakMap<DsmDocument, FileSummary>();

/**
 * The summary of a parsed document, computed once per parse, in one pass
 * over its options: a large dsm.sys is mostly include-exclude lines, passed
 * over with one look-up each.
 */
export function summarize(doc: DsmDocument): FileSummary {
  let summary = summaries.get(doc);
  if (summary) return summary;
  summary = { uri: doc.uri, kind: doc.fileKind, stanzas: [], references: [], inclExclTargets: [] };
  let next = 0;
  let current: { stanza: Stanza; summary?: StanzaSummary } | undefined;
  for (const o of doc.options) {
    // The stanzas open in the order of their headers, which are options themselves.
    while (next < doc.stanzas.length && doc.stanzas[next].header.line <= o.line) {
      const stanza = doc.stanzas[next++];
      current = { stanza, summary: stanzaSummary(stanza) };
      if (current.summary) summary.stanzas.push(current.summary);
    }
    const role = roleOf(o);
    if (role === undefined || o === current?.stanza.header) continue;
    if (role === 'server' || role === 'replserver' || (role === 'selects' && doc.fileKind === 'opt-unix')) {
      const r = reference(o, role === 'selects' ? 'server' : role);
      if (r) summary.references.push(r);
    } else if (role === 'inclexcl') {
      const target = o.values[0] && resolveFileSpec(o.values[0].text, doc.uri);
      if (target) summary.inclExclTargets.push(canonicalUri(target));
    } else if (current?.summary && role === (current.stanza.kind === 'server' ? 'address' : 'repladdress')) {
      current.summary.address = o.values[0]?.text;
    }
  }
  summaries.set(doc, summary);
  return summary;
}

/** The dsm.sys a UNIX dsm.opt reads: the one in the same folder. */
export function sysFor(optUri: string): string {
  return siblingUri(optUri, 'dsm.sys');
}

/** Does `summary` name `uri` in an INCLExcl option? */
export function namesInclExcl(summary: FileSummary, uri: string): boolean {
  const wanted = canonicalUri(uri);
  return summary.inclExclTargets.includes(wanted);
}

/** The platform an include-exclude file is written for, from the files that name it: a dsm.sys is UNIX, a complete dsm.opt Windows. */
export function ownersPlatform(owners: readonly FileSummary[]): Platform | undefined {
  const platforms = new Set(owners.map((o) => (o.kind === 'opt-windows' ? 'windows' : 'unix')));
  return platforms.size === 1 ? [...platforms][0] : undefined;
}

/** The stanzas a reference can name: those of its kind in the dsm.sys it reads. */
export function stanzasNamed(sys: FileSummary | undefined, target: StanzaKind, name: string): StanzaSummary[] {
  const lower = name.toLowerCase();
  return sys?.stanzas.filter((s) => s.kind === target && s.name.toLowerCase() === lower) ?? [];
}

/** The dsm.sys whose stanzas a file's references name: itself for a dsm.sys, the one beside it for a UNIX dsm.opt. */
export function referencedSysUri(summary: FileSummary): string | undefined {
  if (summary.kind === 'sys') return summary.uri;
  if (summary.kind === 'opt-unix') return sysFor(summary.uri);
  return undefined;
}

/** Is this file one whose references point into the dsm.sys at `sysUri`? */
export function readsSys(summary: FileSummary, sysUri: string): boolean {
  const sys = referencedSysUri(summary);
  return sys !== undefined && sameUri(sys, sysUri);
}
