/**
 * What the network must allow for a client to work with its server, from
 * the options of each dsm.sys stanza or of a complete (Windows) dsm.opt:
 *
 * - every session, POLLING scheduler included: outbound TCP to the server's
 *   address and TCPPORT (IBM default 1500);
 * - SCHEDMODE PROMPTED (or SESSIONINITIATION SERVERONLY): the server calls
 *   the client, inbound TCP on TCPCLIENTPORT (default 1501) from the server;
 * - MANAGEDSERVICES with webclient: inbound TCP on HTTPPORT (default 1581)
 *   and on the two WEBPORTS (0 = a random port, which no firewall can open
 *   ahead: then a note says to set them), from the browsers' machines;
 * - a REPLSERVERNAME stanza: outbound TCP to the fail-over server.
 *
 * Defaults are the option table's (IBM's). Pure: the code lens, the stanza
 * hover and the dsm.firewallRules command all read the same FirewallNeeds.
 */
import { CodeLens, Command, Range } from 'vscode-languageserver-types';
import { DsmDocument, Stanza } from '../../parser/document';
import { Opt, OptName } from '../../model/opt';
import { Scope, fileScope, stanzaScope } from '../scope';
import type { ServiceContext } from '../context';
import { COMMANDS } from '../codes';

export interface NetworkRule {
  direction: 'outbound' | 'inbound';
  /** The other end: the server's host name or address; undefined for any. */
  peer?: string;
  /** Outbound: the server's port. Inbound: the port this client listens on. */
  port: number;
  /** Inbound: the client's own address the server calls (TCPCLIENTADDRESS), when it is an IP address. */
  local?: string;
  /** What the rule is for, and which option says so. */
  purpose: string;
}

export interface FirewallNeeds {
  /** `stanza BUCKY5`, `fail-over stanza REPL1` or `this options file`. */
  label: string;
  /** The stanza's name; undefined for a dsm.opt. */
  stanza?: string;
  /** The line the code lens stands on: the stanza header, or a dsm.opt's first option. */
  line: number;
  rules: NetworkRule[];
  /** What the rules cannot say: no address, a random port, no TCP at all. */
  notes: string[];
  /** Where the client connects to, when that is known: what "Test connection" tries. */
  target?: { address: string; port: number };
}

/** A host name, IPv4 or IPv6 address: letters, digits, dots, dashes, underscores, colons. Nothing a shell would read. */
const HOST = /^(?=.*[A-Za-z0-9])[A-Za-z0-9._:-]{1,253}$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

export function isAddressLiteral(host: string): boolean {
  return IPV4.test(host) || host.includes(':');
}

/** A port option's value, or IBM's default; a value that is not a port gives a note and no port. */
function portOf(scope: Scope, name: OptName, notes: string[]): number | undefined {
  const text = scope.textOrDefault(name);
  if (text === undefined) return undefined;
  if (/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535) return Number(text);
  notes.push(`${name.toUpperCase()} ${text} is not a port number: no rule for it.`);
  return undefined;
}

/** `TCPPORT 1503` when written, `TCPPORT, default 1500` when not. */
function source(scope: Scope, name: OptName, value: number): string {
  return scope.isSet(name) ? `${name.toUpperCase()} ${value}` : `${name.toUpperCase()}, default ${value}`;
}

/** The server a scope connects to, and the outbound rule to it. */
function outbound(scope: Scope, kind: Stanza['kind'], rules: NetworkRule[], notes: string[]): string | undefined {
  const [addressOption, portOption] =
    kind === 'server' ? [Opt.TCPSERVERADDRESS, Opt.TCPPORT] : [Opt.REPLTCPSERVERADDRESS, Opt.REPLTCPPORT];
  const address = scope.text(addressOption);
  if (address === undefined) {
    notes.push(
      kind === 'server'
        ? 'No TCPSERVERADDRESS: the client looks for the server on its own machine, so no firewall rule is needed.'
        : 'No REPLTCPSERVERADDRESS: the fail-over server is not known.',
    );
    return undefined;
  }
  if (!HOST.test(address)) {
    notes.push(`${addressOption.toUpperCase()} ${address} is not a host name or IP address: no rule for it.`);
    return undefined;
  }
  if (address.includes(':'))
    notes.push(`${address} is an IPv6 address: write the rules for IPv6 (ip6tables, ip6 daddr, family ipv6).`);
  const port = portOf(scope, portOption, notes);
  if (port === undefined) {
    if (kind === 'replserver' && scope.text(portOption) === undefined)
      notes.push('No REPLTCPPORT: the fail-over port is not known.');
    return address;
  }
  const purpose =
    kind === 'server'
      ? `every client session, the scheduler's included (${source(scope, portOption, port)})`
      : `fail-over sessions to the replication server (${source(scope, portOption, port)})`;
  rules.push({ direction: 'outbound', peer: address, port, purpose });
  return address;
}

/** PROMPTED: the server opens a connection to the client, on TCPCLIENTPORT, from its own address. */
function prompted(scope: Scope, server: string, rules: NetworkRule[], notes: string[]): void {
  const mode = scope.keyword(Opt.SCHEDMODE);
  const serverOnly = scope.keyword(Opt.SESSIONINITIATION) === 'serveronly';
  if (mode !== 'prompted' && !serverOnly) return;
  const port = portOf(scope, Opt.TCPCLIENTPORT, notes);
  if (port === undefined) return;
  const local = scope.text(Opt.TCPCLIENTADDRESS);
  const why =
    mode === 'prompted'
      ? 'the server calls the prompted scheduler (SCHEDMODE PROMPTED'
      : 'the server opens every session (SESSIONINITIATION SERVERONLY';
  rules.push({
    direction: 'inbound',
    peer: server,
    port,
    local: local && HOST.test(local) && isAddressLiteral(local) ? local : undefined,
    purpose: `${why}, ${source(scope, Opt.TCPCLIENTPORT, port)})`,
  });
  if (local && !(HOST.test(local) && isAddressLiteral(local)))
    notes.push(
      `TCPCLIENTADDRESS ${local} is not an IP address: the inbound rule does not name the client's own address.`,
    );
  notes.push(
    `The server calls from its own address, which on a server with several addresses may not be the one ${server} resolves to.`,
  );
}

/** MANAGEDSERVICES webclient: browsers reach the client acceptor on HTTPPORT, then the web client on the two WEBPORTS. */
function webClient(scope: Scope, rules: NetworkRule[], notes: string[]): void {
  if (!scope.keywords(Opt.MANAGEDSERVICES).includes('webclient')) return;
  const http = portOf(scope, Opt.HTTPPORT, notes);
  if (http !== undefined)
    rules.push({
      direction: 'inbound',
      port: http,
      purpose: `the web client, from the browsers' machines (${source(scope, Opt.HTTPPORT, http)})`,
    });
  const ports = [scope.text(Opt.WEBPORTS, 0), scope.text(Opt.WEBPORTS, 1)];
  const fixed = ports
    .filter((p): p is string => p !== undefined && /^\d{1,5}$/.test(p) && Number(p) > 0 && Number(p) <= 65535)
    .map(Number);
  for (const port of fixed)
    rules.push({
      direction: 'inbound',
      port,
      purpose: `the web client's client acceptor and agent ports (WEBPORTS ${ports.join(' ')})`,
    });
  if (fixed.length < 2)
    notes.push(
      'WEBPORTS does not fix both ports (0 = a random port): a firewall cannot open them ahead. Write WEBPORTS with two fixed ports (IBM: both must be open for the web client).',
    );
}

function needsOf(
  scope: Scope,
  kind: Stanza['kind'],
  where: Pick<FirewallNeeds, 'label' | 'stanza' | 'line'>,
): FirewallNeeds {
  const rules: NetworkRule[] = [];
  const notes: string[] = [];
  const method = scope.keyword(Opt.COMMMETHOD);
  if (kind === 'server' && (method === 'sharedmem' || method === 'namedpipes')) {
    notes.push(
      `COMMMETHOD ${method.toUpperCase()}: the client reaches a server on its own machine or domain without TCP, so no TCP rule is needed.`,
    );
    return { ...where, rules, notes };
  }
  const server = outbound(scope, kind, rules, notes);
  if (kind === 'server') {
    // Without a (valid) server address there is no one to let in: a local server needs no rule, an unknown one gets none.
    if (server !== undefined) prompted(scope, server, rules, notes);
    webClient(scope, rules, notes);
  }
  const out = rules.find((r) => r.direction === 'outbound');
  return { ...where, rules, notes, target: out?.peer ? { address: out.peer, port: out.port } : undefined };
}

function stanzaNeeds(doc: DsmDocument, s: Stanza, ctx: ServiceContext): FirewallNeeds {
  return needsOf(stanzaScope(doc, s, ctx.table), s.kind, {
    label: `${s.kind === 'server' ? 'stanza' : 'fail-over stanza'} ${s.name}`,
    stanza: s.name,
    line: s.header.line,
  });
}

function fileNeeds(doc: DsmDocument, ctx: ServiceContext): FirewallNeeds | undefined {
  if (doc.fileKind !== 'opt-windows' || !doc.options.length) return undefined;
  return needsOf(fileScope(doc, ctx.table), 'server', { label: 'this options file', line: doc.options[0].line });
}

/** What each scope of the document needs: every dsm.sys stanza, or a complete dsm.opt as a whole (a UNIX dsm.opt connects through dsm.sys). */
export function firewallNeeds(doc: DsmDocument, ctx: ServiceContext): FirewallNeeds[] {
  if (doc.fileKind === 'sys') return doc.stanzas.map((s) => stanzaNeeds(doc, s, ctx));
  const needs = fileNeeds(doc, ctx);
  return needs ? [needs] : [];
}

/** What the scope whose lens stands on this line needs (a stanza header, or a complete dsm.opt's first option): that scope alone is read. */
export function firewallNeedsAt(doc: DsmDocument, line: number, ctx: ServiceContext): FirewallNeeds | undefined {
  if (doc.fileKind === 'sys') {
    const stanza = doc.stanzas.find((s) => s.header.line === line);
    return stanza && stanzaNeeds(doc, stanza, ctx);
  }
  const needs = fileNeeds(doc, ctx);
  return needs?.line === line ? needs : undefined;
}

/** One rule in words: `outbound TCP to host:1503`, `inbound TCP on port 1501 from host`. */
export function ruleText(r: NetworkRule): string {
  if (r.direction === 'outbound') return `outbound TCP to ${r.peer}:${r.port}`;
  return `inbound TCP on port ${r.port} from ${r.peer ?? 'the browsers (web client)'}`;
}

/**
 * The one-line summary of the code lens, short enough to read above a
 * stanza: `Firewall: allow outbound TCP to host:1503; inbound TCP on port
 * 1501 from the server; inbound TCP on ports 1581, 1555, 1556 (web client)`.
 */
export function summary(needs: FirewallNeeds): string {
  if (!needs.rules.length)
    return `Firewall: nothing to open${needs.notes.length ? ` (${needs.notes[0].replace(/\.$/, '')})` : ''}`;
  const phrases: string[] = [];
  const inbound = new Map<string | undefined, number[]>();
  for (const r of needs.rules) {
    if (r.direction === 'outbound') phrases.push(ruleText(r));
    else inbound.set(r.peer, [...(inbound.get(r.peer) ?? []), r.port]);
  }
  for (const [peer, ports] of inbound) {
    const on = ports.length === 1 ? `on port ${ports[0]}` : `on ports ${ports.join(', ')}`;
    phrases.push(
      `inbound TCP ${on} ${peer === undefined ? '(web client)' : peer === needs.target?.address ? 'from the server' : `from ${peer}`}`,
    );
  }
  return `Firewall: allow ${phrases.join('; ')}`;
}

/** The code lenses: the firewall summary on each stanza header (and a complete dsm.opt), and "Test connection" where the client has it. */
export function firewallLenses(doc: DsmDocument, ctx: ServiceContext): CodeLens[] {
  const lenses: CodeLens[] = [];
  // VS Code opens the rules in a new document (its own command); other editors run the server's command.
  const show = ctx.client.firewallRulesCommand ? COMMANDS.showFirewallRules : COMMANDS.firewallRules;
  for (const needs of firewallNeeds(doc, ctx)) {
    const range = Range.create(needs.line, 0, needs.line, 0);
    const args = needs.stanza === undefined ? [doc.uri] : [doc.uri, needs.stanza];
    lenses.push({ range, command: Command.create(summary(needs), show, ...args) });
    if (ctx.client.testConnectionCommand && needs.target) {
      lenses.push({
        range,
        command: Command.create('Test connection', COMMANDS.testConnection, { ...needs.target, label: needs.label }),
      });
    }
  }
  return lenses;
}
