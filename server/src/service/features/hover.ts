/**
 * Hover: Bucky server facts on TCPServeraddress and TCPPort values, the
 * scheduler modes on SCHEDMODE, and the option table's documentation on any
 * known option name or keyword value. Only the hovered line and its stanza
 * are looked at.
 */
import { Hover, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, Word, isOption } from '../../parser/document';
import { Opt } from '../../model/opt';
import { scopeAt } from '../scope';
import { ClientPlatform, OptionSpec, Place } from '../../model/optionTable';
import { ServerEntry } from '../../model/serverCatalog';
import type { ServiceContext } from '../context';
import { commandLink, escape, lines, markup } from '../markup';
import { COMMANDS } from '../codes';
import { ibmOptionAddress } from '../ibmPages';
import { firewallNeedsAt, ruleText } from './firewall';
import { statementHover } from './statements';
import { decidesHover } from './explainHover';
import { stanzasNamed, sysFor } from '../workspaceIndex';

const PLACE_LABELS: Record<Place, string> = {
  'sys-global': 'dsm.sys, before the first stanza',
  'sys-stanza': 'a dsm.sys server stanza',
  'opt-unix': 'a UNIX dsm.opt',
  'opt-windows': 'a Windows dsm.opt',
};

const PLATFORM_LABELS: Record<ClientPlatform, string> = {
  aix: 'AIX',
  linux: 'Linux',
  solaris: 'Solaris',
  macos: 'macOS',
  hpux: 'HP-UX',
  windows: 'Windows',
};

/** Where IBM's page is, and what it says beyond the syntax: platforms, defaults by platform, contradictions, removal. */
function provenance(option: OptionSpec): (string | false)[] {
  const d = option.defaults;
  const byPlatform =
    d && (Object.keys(d) as ClientPlatform[]).map((p) => `${PLATFORM_LABELS[p]} ${escape(d[p] ?? '')}`).join('; ');
  const removed = [
    option.removedIn && `IBM removed or renamed it in version ${escape(option.removedIn)}`,
    option.replacedBy && `IBM replaced it by ${escape(option.replacedBy)}`,
  ]
    .filter(Boolean)
    .join('; ');
  return [
    `Platforms: ${option.platforms.map((p) => PLATFORM_LABELS[p]).join(', ')}.`,
    !!byPlatform && `Default by platform: ${byPlatform}.`,
    !!option.documentedWhere &&
      `IBM's page names only ${option.documentedWhere.map((p) => PLACE_LABELS[p]).join('; ')}; the other places are accepted too, so that nothing the client may accept is flagged.`,
    !!removed && `**Removed**: ${removed}${option.stillAccepted ? ' (the client still accepts it)' : ''}.`,
    !!option.contradictions && `**IBM's pages disagree**: ${escape(option.contradictions)}`,
    option.source
      ? `[IBM's page (${escape(option.source.version)})](${option.source.url}). Minimum abbreviation: the capitals${option.unverified?.includes('abbreviation') ? ' (not shown on the page as read: shorter prefixes are accepted)' : ''}.`
      : `Not confirmed against IBM's documentation: ${escape(option.unconfirmed ?? 'no page read')}. IBM's page, as best known: ${ibmOptionAddress(option) ?? escape(option.ibmPage)}.`,
  ];
}

export const SCHEDMODE_EXPLANATION = lines(
  '**POLLING** (recommended): the client starts every conversation. It asks the server for its schedule, checks in again every QUERYSCHEDPERIOD hours, and in the backup window asks until it is told to start. It needs only outbound connections, so it works through any firewall that lets the client out.',
  '**PROMPTED**: the client listens on TCPCLIENTPORT (default 1501) and waits for the server to call it. A firewall that blocks inbound connections silently blocks that call, and the backup never runs.',
  'Bucky Backup asks every client to write `SCHEDMODE POLLING` explicitly. Restart the scheduler (dsmcad, or the scheduler service) after changing it.',
);

/** What a site says of how the server schedules (SET SCHEDMODES); ANY, or nothing said, restricts nothing. */
function schedmodesNote(s: ServerEntry): string {
  return s.schedmodes && s.schedmodes !== 'any'
    ? `, ${s.schedmodes.toUpperCase()} schedulers only (SET SCHEDMODES)`
    : '';
}

function serverLine(s: ServerEntry): string {
  return `${escape(s.address)}: ${escape(s.tier)}, port ${s.port}${schedmodesNote(s)}`;
}

function wordAt(o: OptionLine, character: number): { word: Word; index: number } | undefined {
  if (character >= o.name.start && character <= o.name.end) return { word: o.name, index: -1 };
  const index = o.values.findIndex((w) => character >= w.start && character <= w.end);
  return index === -1 ? undefined : { word: o.values[index], index };
}

function addressHover(doc: DsmDocument, o: OptionLine, address: string, ctx: ServiceContext): string | undefined {
  const server = ctx.catalog.find(address);
  if (!server) return undefined;
  const port = scopeAt(doc, o.line, ctx.table).word(Opt.TCPPORT);
  let agreement: string;
  if (!port)
    agreement = `This scope sets no TCPPORT, so the client uses its default, 1500${server.port === 1500 ? ', which is right' : `: write TCPPORT ${server.port}`}.`;
  else if (Number(port.text) === server.port) agreement = `TCPPORT ${server.port} here agrees.`;
  else agreement = `TCPPORT here is ${escape(port.text)}, but this server listens on ${server.port}.`;
  return lines(
    `**${escape(server.address)}**: ${escape(server.tier)} server, port ${server.port}${schedmodesNote(server)}.`,
    agreement,
  );
}

function portHover(doc: DsmDocument, o: OptionLine, text: string, ctx: ServiceContext): string | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const port = Number(text);
  const listening = ctx.catalog.onPort(port);
  const address = scopeAt(doc, o.line, ctx.table).word(Opt.TCPSERVERADDRESS);
  const server = address ? ctx.catalog.find(address.text) : undefined;
  const parts: string[] = [];
  if (listening.length)
    parts.push(`Servers listening on port ${port}:\n\n` + listening.map((s) => `- ${serverLine(s)}`).join('\n'));
  else parts.push(`No catalogued server listens on port ${port}.`);
  if (listening.length > 1) parts.push('A port alone does not name a server: TCPSERVERADDRESS decides.');
  if (server) {
    parts.push(
      server.port === port
        ? `Right for ${escape(server.address)} (${escape(server.tier)}), the address in this scope.`
        : `The address in this scope, ${escape(server.address)}, listens on ${server.port}, not ${port}.`,
    );
  }
  return lines(...parts);
}

/** optionDocumentation's answers: they depend on the option alone, and completion asks for all of them at once. */
const documentation = new WeakMap<OptionSpec, string>();

/** A server address, with its catalog entry when there is one: `bucky5.doit.wisc.edu (Enterprise, listens on 1503)`. */
function serverText(address: string, ctx: ServiceContext): string {
  const server = ctx.catalog.find(address);
  return `${escape(address)}${server ? ` (${escape(server.tier)}, listens on ${server.port})` : ''}`;
}

/** What a stanza name stands for: the server its stanza reaches, and how its scheduler runs. */
function stanzaHover(doc: DsmDocument, name: string, ctx: ServiceContext): string | undefined {
  const stanza = doc.stanzas.find((s) => s.kind === 'server' && s.name.toLowerCase() === name.toLowerCase());
  if (!stanza) return undefined;
  const line = stanza.header.line;
  const scope = scopeAt(doc, line, ctx.table);
  const address = scope.word(Opt.TCPSERVERADDRESS);
  const port = scope.word(Opt.TCPPORT);
  const mode = scope.word(Opt.SCHEDMODE);
  return lines(
    `**Stanza ${escape(stanza.name)}** (line ${line + 1}).`,
    address
      ? `Server: ${serverText(address.text, ctx)}, port ${port ? escape(port.text) : '1500 (default)'}.`
      : 'No TCPSERVERADDRESS in this stanza.',
    `Scheduler: SCHEDMODE ${mode ? escape(mode.text) : 'not set'}.`,
    firewallHover(doc, line, ctx),
    effectiveLink(ctx, [doc.uri, { stanza: stanza.name }]),
  );
}

/** A link to every option in effect, for a client that has dsm.showEffectiveOptions and shows Markdown. */
function effectiveLink(ctx: ServiceContext, args: unknown[]): string | undefined {
  if (!ctx.client.effectiveOptionsCommand || ctx.client.hoverFormat === MarkupKind.PlainText) return undefined;
  return commandLink('Show effective options', COMMANDS.showEffectiveOptions, args);
}

/** The stanza's firewall needs, as the code lens says them, with what each rule is for. */
function firewallHover(doc: DsmDocument, line: number, ctx: ServiceContext): string | undefined {
  const needs = firewallNeedsAt(doc, line, ctx);
  if (!needs) return undefined;
  const rules = needs.rules.map((r) => `- allow ${escape(ruleText(r))}: ${escape(r.purpose)}`);
  return lines(
    `**Firewall**: ${rules.length ? 'what the network must allow' : 'nothing to open'}.`,
    rules.join('\n'),
    ...needs.notes.map(escape),
  );
}

/** What a UNIX dsm.opt's SErvername selects: the stanza of the dsm.sys beside it, as far as it is known. */
function selectedStanzaHover(doc: DsmDocument, name: string, ctx: ServiceContext): string | undefined {
  const sys = ctx.workspace?.file(sysFor(doc.uri));
  const [stanza] = stanzasNamed(sys, 'server', name);
  if (!sys || !stanza) return undefined;
  return lines(
    `**Stanza ${escape(stanza.name)}** of the dsm.sys beside this file (line ${stanza.headerRange.start.line + 1}).`,
    stanza.address ? `Server: ${serverText(stanza.address, ctx)}.` : 'No TCPSERVERADDRESS in that stanza.',
    effectiveLink(ctx, [doc.uri]),
  );
}

/** The documentation of an option, from the table. Used by hover and completion. */
export function optionDocumentation(option: OptionSpec, ctx: ServiceContext): string {
  let text = documentation.get(option);
  if (text === undefined) {
    text = buildDocumentation(option, ctx);
    documentation.set(option, text);
  }
  return text;
}

function buildDocumentation(option: OptionSpec, ctx: ServiceContext): string {
  const keywords = ctx.table.keywords(option);
  const v = option.value;
  const range =
    v.type === 'number' && v.min !== undefined ? `${v.min} to ${v.max}${v.unit ? ' ' + v.unit : ''}` : undefined;
  return lines(
    `**${option.name}**: ${option.description}`,
    v.syntax && '```\n' + v.syntax + '\n```',
    keywords.length > 0 && `Values: ${keywords.join(', ')} (capitals: shortest abbreviation).`,
    range && `Range: ${range}.`,
    option.default !== null && `Default: ${escape(option.default)}.`,
    `Where: ${option.where.map((p) => PLACE_LABELS[p]).join('; ')}.`,
    ...provenance(option),
  );
}

/** What a value word means: its keyword's meaning, or the range and default of a number. */
function valueHover(option: OptionSpec, word: Word, ctx: ServiceContext): string | undefined {
  const v = option.value;
  const r = ctx.table.resolveKeyword(option, word.text);
  if (r.kind === 'match') return lines(`**${r.item}**, a value of ${option.name}.`, v.values?.[r.item]);
  if (v.type === 'number' && /^\d+$/.test(word.text)) {
    const range = v.min !== undefined ? `from ${v.min} to ${v.max ?? 'any'}` : 'a number';
    return lines(
      `${option.name} takes ${range}${v.unit ? ' ' + v.unit : ''}.`,
      option.default !== null && `Default: ${escape(option.default)}.`,
    );
  }
  return undefined;
}

const TEMPLATE_HOVER = lines(
  '**Template syntax**: what it gives is known only once the template is rendered.',
  'The checks leave it alone: a placeholder value is not judged, a placeholder option or stanza name is never unknown or a duplicate.',
);

export function hover(doc: DsmDocument, position: Position, ctx: ServiceContext): Hover | null {
  const entry = doc.byLine[position.line];
  if (!entry || entry.kind !== 'option') return null;
  const at = wordAt(entry, position.character);
  if (!at) return null;
  const range = Range.create(entry.line, at.word.start, entry.line, at.word.end);
  const option = entry.option;
  // An INCLUDE or EXCLUDE statement: its kind and the processing order, its pattern, its management class.
  const statement = option && statementHover(entry, at.index, at.word, () => optionDocumentation(option, ctx));
  let markdown: string | undefined;
  if (at.word.template) {
    markdown = TEMPLATE_HOVER;
  } else if (isOption(entry, Opt.SCHEDMODE)) {
    const head = at.index === -1 ? '**SCHEDMODE**: how the client scheduler learns that a backup is due.' : undefined;
    markdown = lines(head, SCHEDMODE_EXPLANATION, at.index === -1 && option && provenance(option).at(-1));
  } else if (statement) {
    markdown = at.index <= 0 ? lines(statement, decidesHover(doc, entry.line, ctx)) : statement;
  } else if (at.index === -1) {
    markdown = option ? optionDocumentation(option, ctx) : undefined;
  } else if (isOption(entry, Opt.TCPSERVERADDRESS) && at.index === 0) {
    markdown = addressHover(doc, entry, at.word.text, ctx);
  } else if (isOption(entry, Opt.TCPPORT) && at.index === 0) {
    markdown = portHover(doc, entry, at.word.text, ctx);
  } else if (
    doc.fileKind === 'sys' &&
    (isOption(entry, Opt.DEFAULTSERVER) || isOption(entry, Opt.SERVERNAME)) &&
    at.index === 0
  ) {
    markdown = stanzaHover(doc, at.word.text, ctx);
  } else if (doc.fileKind === 'opt-unix' && isOption(entry, Opt.SERVERNAME) && at.index === 0) {
    markdown = selectedStanzaHover(doc, at.word.text, ctx);
  } else if (option) {
    markdown = valueHover(option, at.word, ctx);
  }
  return markdown ? { contents: markup(markdown, ctx.client.hoverFormat), range } : null;
}
