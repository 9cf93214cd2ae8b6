/**
 * What the language service knows of the other files of a client's setup:
 * a summary of each file (its stanzas, the stanza names it refers to, the
 * include-exclude files it names), and the index that answers for them.
 * The index is an interface: the server answers it from the files it has
 * read and the documents open in the editor; a web build answers it through
 * the editor. Pure: nothing here reads a file.
 */
import { Range } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, Word, isOption, lastOption } from '../parser/document';
import type { FileKind } from '../parser/types';
import type { Platform } from '../model/optionTable';
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

/** The options whose value names a stanza, by the kind of stanza they name. */
const REFERRING: readonly [string, StanzaKind][] = [
  ['defaultserver', 'server'],
  ['myreplicationserver', 'replserver'],
];

function references(doc: DsmDocument): StanzaReference[] {
  const found: StanzaReference[] = [];
  for (const o of doc.options) {
    if (doc.fileKind === 'opt-unix' && isOption(o, 'servername')) {
      const r = reference(o, 'server');
      if (r) found.push(r);
      continue;
    }
    const kind = REFERRING.find(([name]) => isOption(o, name))?.[1];
    const r = kind && reference(o, kind);
    if (r) found.push(r);
  }
  return found;
}

function stanzas(doc: DsmDocument): StanzaSummary[] {
  return doc.stanzas.flatMap((s) => {
    const w = s.header.values[0];
    if (!w) return [];
    const address = lastOption(s.options, s.kind === 'server' ? 'tcpserveraddress' : 'repltcpserveraddress')?.values[0]?.text;
    const headerRange = Range.create(s.header.line, s.header.name.start, s.header.line, w.end);
    return [{ kind: s.kind, name: s.name, nameRange: innerRange(s.header.line, w), headerRange, address }];
  });
}

const summaries = new WeakMap<DsmDocument, FileSummary>();

/** The summary of a parsed document, computed once per parse. */
export function summarize(doc: DsmDocument): FileSummary {
  let summary = summaries.get(doc);
  if (!summary) {
    const inclExclTargets: string[] = [];
    for (const o of doc.options) {
      if (!isOption(o, 'inclexcl')) continue;
      const target = o.values[0] && resolveFileSpec(o.values[0].text, doc.uri);
      if (target) inclExclTargets.push(canonicalUri(target));
    }
    summary = { uri: doc.uri, kind: doc.fileKind, stanzas: stanzas(doc), references: references(doc), inclExclTargets };
    summaries.set(doc, summary);
  }
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
