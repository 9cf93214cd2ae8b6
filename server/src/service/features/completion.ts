/**
 * Completion: option names where a name goes, then the values of the option
 * on the line: SCHEDMODE modes (POLLING first), keywords, catalogued server
 * addresses, the TCPPORT that matches the scope's address; and stanza
 * snippets for catalogued servers. Only the cursor's line and its scope are
 * looked at.
 */
import {
  CompletionItem,
  CompletionItemKind,
  InsertTextFormat,
  MarkupContent,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, isOption } from '../../parser/document';
import { Opt } from '../../model/opt';
import { scopeAt } from '../scope';
import type { FileKind } from '../../parser/types';
import { touchesTemplate } from '../../parser/template';
import { OptionSpec, Place } from '../../model/optionTable';
import { BUILTIN_SERVERS, ServerEntry } from '../../model/serverCatalog';
import { stanzaSnippets } from '../../model/stanzaSnippets';
import type { ServiceContext } from '../context';
import { SCHEDMODE_EXPLANATION, optionDocumentation } from './hover';
import { escape, markup } from '../markup';
import { statementOf } from '../../model/inclexcl';
import { sysFor } from '../workspaceIndex';

/** The places an option may stand at, for a line of this kind of file (an include-exclude file: those of the statements). */
function placesFor(kind: FileKind, inStanza: boolean): Place[] {
  if (kind === 'sys') return inStanza ? ['sys-stanza'] : ['sys-global'];
  if (kind === 'inclexcl') return ['sys-stanza', 'opt-windows'];
  return [kind];
}

/** May this option be offered in this kind of file? In an include-exclude file, only the statements. */
function offered(option: OptionSpec, kind: FileKind, places: Place[]): boolean {
  if (kind === 'inclexcl' && !statementOf(option)) return false;
  return option.where.some((p) => places.includes(p));
}

/** Documentation in the format the client asked for. */
function documentation(ctx: ServiceContext, markdown: string): MarkupContent {
  return markup(markdown, ctx.client.documentationFormat);
}

function optionItems(doc: DsmDocument, line: number, range: Range, ctx: ServiceContext): CompletionItem[] {
  const inStanza = doc.stanzas.length > 0 && doc.stanzas[0].header.line < line;
  const places = placesFor(doc.fileKind, inStanza);
  // Before the first stanza of a dsm.sys, a new stanza header is as welcome as the global options.
  if (doc.fileKind === 'sys' && !inStanza) places.push('sys-stanza');
  const items: CompletionItem[] = [];
  for (const option of ctx.table.options) {
    if (!offered(option, doc.fileKind, places)) continue;
    const upper = option.name.toUpperCase();
    items.push({
      label: upper,
      kind: CompletionItemKind.Property,
      detail: option.value.syntax ?? option.name,
      // A client that resolves items asks for each one's documentation when it shows it (see resolveCompletion).
      documentation: ctx.client.resolveDocumentation ? undefined : documentation(ctx, optionDocumentation(option, ctx)),
      filterText: option.name.toLowerCase(),
      textEdit: TextEdit.replace(range, upper),
      data: { option: option.name } satisfies ItemData,
    });
  }
  return items;
}

function snippetItems(doc: DsmDocument, line: number, range: Range, ctx: ServiceContext): CompletionItem[] {
  if (!ctx.client.snippetSupport) return [];
  const builtin = (s: ServerEntry) =>
    BUILTIN_SERVERS.some((b) => b.address.toLowerCase() === s.address.toLowerCase() && b.port === s.port);
  const servers = ctx.catalog.entries().filter((s) => !(ctx.client.builtinSnippets && builtin(s)));
  if (doc.fileKind === 'inclexcl') return [];
  const flat = doc.fileKind !== 'sys';
  return servers.map((server) => {
    const snippet = stanzaSnippets(server)[flat ? 1 : 0];
    return {
      label: snippet.prefix[0],
      kind: CompletionItemKind.Snippet,
      detail: snippet.name,
      documentation: documentation(ctx, escape(snippet.description)),
      filterText: snippet.prefix.join(' '),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: TextEdit.replace(range, snippet.body.join('\n')),
    };
  });
}

/** The stanza names a line's value may name: DEFAULTSERVER's in dsm.sys, a UNIX dsm.opt SERVERNAME's in the dsm.sys beside it. */
function stanzaNamesFor(doc: DsmDocument, entry: OptionLine, ctx: ServiceContext): string[] | undefined {
  if (isOption(entry, Opt.DEFAULTSERVER) && doc.fileKind === 'sys')
    return doc.stanzas.filter((s) => s.kind === 'server' && !s.header.values[0]?.template).map((s) => s.name);
  if (isOption(entry, Opt.SERVERNAME) && doc.fileKind === 'opt-unix') {
    return ctx.workspace
      ?.file(sysFor(doc.uri))
      ?.stanzas.filter((s) => s.kind === 'server')
      .map((s) => s.name);
  }
  return undefined;
}

function schedmodeItems(range: Range, ctx: ServiceContext): CompletionItem[] {
  const item = (label: string, detail: string, rank: number): CompletionItem => ({
    label,
    kind: CompletionItemKind.EnumMember,
    detail,
    documentation: documentation(ctx, SCHEDMODE_EXPLANATION),
    preselect: rank === 0 || undefined,
    sortText: String(rank),
    textEdit: TextEdit.replace(range, label),
  });
  return [
    item('POLLING', 'Recommended: the client asks the server for work (outbound only)', 0),
    item('PROMPTED', 'Not recommended: the server must reach the client through its firewall', 1),
  ];
}

function addressItems(range: Range, ctx: ServiceContext): CompletionItem[] {
  return ctx.catalog.entries().map((s) => ({
    label: s.address,
    kind: CompletionItemKind.Value,
    detail: `${s.tier}, port ${s.port}`,
    documentation: documentation(
      ctx,
      `**${escape(s.address)}**: ${escape(s.tier)} server, listening on port ${s.port}.`,
    ),
    textEdit: TextEdit.replace(range, s.address),
  }));
}

/** The port of the scope's catalogued address, preselected; without one, every catalogued port. */
function portItems(doc: DsmDocument, entry: OptionLine, range: Range, ctx: ServiceContext): CompletionItem[] {
  const address = scopeAt(doc, entry.line, ctx.table).text(Opt.TCPSERVERADDRESS);
  const server = address ? ctx.catalog.find(address) : undefined;
  const ports = server ? [server.port] : [...new Set(ctx.catalog.entries().map((s) => s.port))].sort((a, b) => a - b);
  return ports.map((port, i) => ({
    label: String(port),
    kind: CompletionItemKind.Value,
    detail: ctx.catalog
      .onPort(port)
      .map((s) => `${s.address} (${s.tier})`)
      .join(', '),
    preselect: server !== undefined || undefined,
    sortText: String(i).padStart(4, '0'),
    textEdit: TextEdit.replace(range, String(port)),
  }));
}

function valueItems(
  doc: DsmDocument,
  entry: OptionLine,
  option: OptionSpec,
  range: Range,
  ctx: ServiceContext,
): CompletionItem[] {
  if (isOption(entry, Opt.SCHEDMODE)) return schedmodeItems(range, ctx);
  const stanzaNames = stanzaNamesFor(doc, entry, ctx);
  if (stanzaNames) {
    return stanzaNames.filter(Boolean).map((name) => ({
      label: name,
      kind: CompletionItemKind.Module,
      detail: doc.fileKind === 'sys' ? 'server stanza in this file' : 'server stanza of the dsm.sys beside this file',
      textEdit: TextEdit.replace(range, name),
    }));
  }
  if (isOption(entry, Opt.TCPSERVERADDRESS)) return addressItems(range, ctx);
  if (isOption(entry, Opt.TCPPORT)) return portItems(doc, entry, range, ctx);
  return ctx.table.keywords(option).map((k) => ({
    label: k.toUpperCase(),
    kind: CompletionItemKind.EnumMember,
    detail: option.value.values?.[k] ?? `${option.name} value`,
    filterText: k.toLowerCase(),
    textEdit: TextEdit.replace(range, k.toUpperCase()),
  }));
}

export function completion(doc: DsmDocument, position: Position, ctx: ServiceContext): CompletionItem[] {
  const entry = doc.byLine[position.line];
  const here = Range.create(position, position);
  // Nothing is offered inside template syntax.
  if (doc.template && touchesTemplate(doc.template.spans, here)) return [];
  if (!entry) return [...optionItems(doc, position.line, here, ctx), ...snippetItems(doc, position.line, here, ctx)];
  if (entry.kind !== 'option') return [];
  const col = position.character;
  if (col < entry.name.start) return [];
  if (col <= entry.name.end) {
    if (entry.name.template) return [];
    const range = Range.create(entry.line, entry.name.start, entry.line, entry.name.end);
    const snippets = entry.values.length ? [] : snippetItems(doc, entry.line, range, ctx);
    return [...optionItems(doc, entry.line, range, ctx), ...snippets];
  }
  if (!entry.option) return [];
  // Values: complete the word under the cursor, or a new one after a blank.
  const word = entry.values.find((w) => col >= w.start && col <= w.end);
  if (word?.template) return [];
  const range = word ? Range.create(entry.line, word.start, entry.line, word.end) : here;
  const index = word ? entry.values.indexOf(word) : entry.values.filter((w) => w.end < col).length;
  const multi = entry.option.value.words === 'many';
  if (index > 0 && !multi) return [];
  return valueItems(doc, entry, entry.option, range, ctx);
}

/** What an option-name item carries, so that resolving it needs nothing but the item. */
interface ItemData {
  option: string;
}

/** An item with its documentation, for clients that ask for it item by item (completionItem/resolve). */
export function resolveCompletion(item: CompletionItem, ctx: ServiceContext): CompletionItem {
  const name = (item.data as Partial<ItemData> | undefined)?.option;
  const option = typeof name === 'string' && item.documentation === undefined ? ctx.table.lookup(name) : undefined;
  return option ? { ...item, documentation: documentation(ctx, optionDocumentation(option, ctx)) } : item;
}
