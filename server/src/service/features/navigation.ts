/**
 * Navigation between the files of a client's setup, by stanza name: go to
 * definition, references, document highlights, rename, and workspace
 * symbols. A stanza is defined by its SErvername (REPLSERVERName) header in
 * a dsm.sys, and named by DEFAULTServer and MYREPLICATIONServer in that
 * dsm.sys and by SErvername in the UNIX dsm.opt files beside it.
 */
import {
  DocumentHighlight,
  DocumentHighlightKind,
  Location,
  Position,
  Range,
  SymbolInformation,
  SymbolKind,
  TextEdit,
} from 'vscode-languageserver-types';
import type { DsmDocument } from '../../parser/types';
import type { ServiceContext } from '../context';
import { FileSummary, StanzaKind, readsSys, referencedSysUri, stanzasNamed, summarize } from '../workspaceIndex';
import { baseName, canonicalUri, sameUri } from '../../util/uris';

/** A stanza, wherever it is named: the dsm.sys that defines it, its kind and its name. */
export interface StanzaSymbol {
  sysUri: string;
  kind: StanzaKind;
  name: string;
}

interface Occurrence {
  uri: string;
  range: Range;
  declaration: boolean;
}

function contains(range: Range, p: Position): boolean {
  return range.start.line === p.line && p.character >= range.start.character && p.character <= range.end.character;
}

/** The stanza name under the cursor (a header's or a reference's), and where it is written. */
export function stanzaSymbolAt(
  doc: DsmDocument,
  position: Position,
): { symbol: StanzaSymbol; range: Range } | undefined {
  const summary = summarize(doc);
  for (const s of summary.stanzas) {
    if (contains(s.nameRange, position))
      return { symbol: { sysUri: doc.uri, kind: s.kind, name: s.name }, range: s.nameRange };
  }
  const sysUri = referencedSysUri(summary);
  const r = sysUri ? summary.references.find((x) => contains(x.range, position)) : undefined;
  return r && sysUri ? { symbol: { sysUri, kind: r.target, name: r.name }, range: r.range } : undefined;
}

/** The files to look at: the current document as it is now, the others as the workspace knows them. */
function knownFiles(doc: DsmDocument, ctx: ServiceContext): FileSummary[] {
  const current = summarize(doc);
  const others = [...(ctx.workspace?.files() ?? [])].filter((f) => !sameUri(f.uri, doc.uri));
  return [current, ...others];
}

function sysSummary(files: FileSummary[], sysUri: string): FileSummary | undefined {
  return files.find((f) => sameUri(f.uri, sysUri));
}

/** Every place that names the stanza: its header, then the references in its dsm.sys and in the dsm.opt files that read it. */
function occurrences(doc: DsmDocument, symbol: StanzaSymbol, ctx: ServiceContext): Occurrence[] {
  const files = knownFiles(doc, ctx);
  const found: Occurrence[] = [];
  const sys = sysSummary(files, symbol.sysUri);
  for (const s of stanzasNamed(sys, symbol.kind, symbol.name))
    found.push({ uri: sys!.uri, range: s.nameRange, declaration: true });
  const lower = symbol.name.toLowerCase();
  for (const f of files) {
    if (!readsSys(f, symbol.sysUri)) continue;
    for (const r of f.references)
      if (r.target === symbol.kind && r.name.toLowerCase() === lower)
        found.push({ uri: f.uri, range: r.range, declaration: false });
  }
  return found;
}

export function definition(doc: DsmDocument, position: Position, ctx: ServiceContext): Location[] {
  const at = stanzaSymbolAt(doc, position);
  if (!at) return [];
  return occurrences(doc, at.symbol, ctx)
    .filter((o) => o.declaration)
    .map((o) => Location.create(o.uri, o.range));
}

export function references(
  doc: DsmDocument,
  position: Position,
  includeDeclaration: boolean,
  ctx: ServiceContext,
): Location[] {
  const at = stanzaSymbolAt(doc, position);
  if (!at) return [];
  return occurrences(doc, at.symbol, ctx)
    .filter((o) => includeDeclaration || !o.declaration)
    .map((o) => Location.create(o.uri, o.range));
}

export function documentHighlights(doc: DsmDocument, position: Position, ctx: ServiceContext): DocumentHighlight[] {
  const at = stanzaSymbolAt(doc, position);
  if (!at) return [];
  return occurrences(doc, at.symbol, ctx)
    .filter((o) => sameUri(o.uri, doc.uri))
    .map((o) =>
      DocumentHighlight.create(o.range, o.declaration ? DocumentHighlightKind.Write : DocumentHighlightKind.Read),
    );
}

/** The files a rename of the stanza under the cursor would edit: the server reads those not open again before renaming. */
export function renameFiles(doc: DsmDocument, position: Position, ctx: ServiceContext): string[] {
  const at = stanzaSymbolAt(doc, position);
  if (!at) return [];
  const files = knownFiles(doc, ctx).filter((f) => sameUri(f.uri, at.symbol.sysUri) || readsSys(f, at.symbol.sysUri));
  return files.map((f) => f.uri).concat(files.some((f) => sameUri(f.uri, at.symbol.sysUri)) ? [] : [at.symbol.sysUri]);
}

/** Does the word at this position hold template syntax (`{{ s.name }}`, or `{tsm_server}`, `@SERVER@`, `$SERVER` in a file named as a template)? */
function placeholderAt(doc: DsmDocument, position: Position): boolean {
  const entry = doc.byLine[position.line];
  if (entry?.kind !== 'option') return false;
  return [entry.name, ...entry.values].some(
    (w) => w.template === true && w.start <= position.character && position.character <= w.end,
  );
}

/** Where a rename may start, or why it may not: only a stanza name whose stanza is known can be renamed. */
export function prepareRename(
  doc: DsmDocument,
  position: Position,
  ctx: ServiceContext,
): { range: Range; placeholder: string } | string {
  const at = stanzaSymbolAt(doc, position);
  if (!at)
    return 'Only a stanza name can be renamed: a SErvername or REPLSERVERName header, or a DEFAULTServer, MYREPLICATIONServer or dsm.opt SErvername value.';
  if (/\{\{|\{%|<%|\$\{/.test(at.symbol.name) || placeholderAt(doc, position))
    return `${at.symbol.name} is a template expression, not a stanza name.`;
  const sys = sysSummary(knownFiles(doc, ctx), at.symbol.sysUri);
  if (!sys)
    return `The dsm.sys that defines ${at.symbol.name} (${baseName(at.symbol.sysUri)} beside this file) is not known, so the files that name it cannot all be found.`;
  if (!stanzasNamed(sys, at.symbol.kind, at.symbol.name).length)
    return `No stanza named ${at.symbol.name} in ${baseName(sys.uri)}: there is nothing to rename.`;
  return { range: at.range, placeholder: at.symbol.name };
}

/** Stanza names: no blanks, no quotes, at most 64 characters, and not a comment. */
const STANZA_NAME = /^[^\s"'*#][^\s"']{0,63}$/;

/** The edits of a rename, by URI, or why it cannot be done. */
export function rename(
  doc: DsmDocument,
  position: Position,
  newName: string,
  ctx: ServiceContext,
): Record<string, TextEdit[]> | string {
  const ready = prepareRename(doc, position, ctx);
  if (typeof ready === 'string') return ready;
  if (typeof newName !== 'string' || !STANZA_NAME.test(newName))
    return `${JSON.stringify(newName)} cannot be a stanza name: one word of at most 64 characters, without quotes, not starting with * or #.`;
  const { symbol } = stanzaSymbolAt(doc, position)!;
  const sys = sysSummary(knownFiles(doc, ctx), symbol.sysUri)!;
  const clash = stanzasNamed(sys, symbol.kind, newName).find((s) => s.name.toLowerCase() !== symbol.name.toLowerCase());
  if (clash)
    return `${baseName(sys.uri)} already has a stanza named ${clash.name} (line ${clash.headerRange.start.line + 1}).`;
  const changes: Record<string, TextEdit[]> = {};
  for (const o of occurrences(doc, symbol, ctx)) (changes[o.uri] ??= []).push(TextEdit.replace(o.range, newName));
  return changes;
}

/** At most this many workspace symbols are returned for one query. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

/** Stanzas of every known dsm.sys whose name or server address contains the query (without regard to case). */
export function workspaceSymbols(query: string, files: Iterable<FileSummary>): SymbolInformation[] {
  const q = query.trim().toLowerCase();
  const found: SymbolInformation[] = [];
  for (const f of files) {
    for (const s of f.stanzas) {
      if (q && !s.name.toLowerCase().includes(q) && !s.address?.toLowerCase().includes(q)) continue;
      const where = `${canonicalUri(baseName(f.uri))}${s.address ? ` → ${s.address}` : ''}`;
      found.push(
        SymbolInformation.create(
          s.name,
          SymbolKind.Namespace,
          s.headerRange,
          f.uri,
          s.kind === 'server' ? where : `replication, ${where}`,
        ),
      );
      if (found.length >= MAX_WORKSPACE_SYMBOLS) return found;
    }
  }
  return found;
}
