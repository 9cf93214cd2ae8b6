/**
 * The firewall rules as text, for iptables, nftables, firewalld, ufw and
 * Windows (New-NetFirewallRule, netsh advfirewall): the answer of the
 * dsm.firewallRules command. How each tool writes a rule is data
 * (data/firewall.json); here the placeholders are filled in. Everything taken
 * from the document was checked to be a host name, an address or a number
 * (firewall.ts), and names are cut down to safe characters, so the text
 * never carries a shell's special characters from the file.
 */
import rawTools from '../../data/firewall.json';
import type { DsmDocument } from '../../parser/types';
import type { ServiceContext } from '../context';
import { FirewallNeeds, NetworkRule, firewallNeeds, isAddressLiteral, ruleText } from './firewall';

interface Tool {
  title: string;
  /** The tool's comment marker (`#`, `REM`). */
  comment: string;
  notes: string[];
  /** The line that looks up the server's address when it is a host name: {host}. */
  resolve: string;
  /** How the rules name that looked-up address. */
  variable: string;
  outbound: string;
  inbound: string;
  footer: string[];
}

const TOOLS: readonly Tool[] = (rawTools as { tools: Tool[] }).tools;

/**
 * Fills a template: `{key}` and `{key|default}` take their values; a `[[...]]`
 * part is dropped when a placeholder in it has no value.
 */
export function fill(template: string, values: Readonly<Record<string, string | undefined>>): string {
  const one = (text: string): string | undefined => {
    let missing = false;
    const out = text.replace(/\{(\w+)(?:\|([^}]*))?\}/g, (_, key: string, fallback: string | undefined) => {
      const v = values[key] ?? fallback;
      if (v === undefined) missing = true;
      return v ?? '';
    });
    return missing ? undefined : out;
  };
  return one(template.replace(/\[\[(.*?)\]\]/g, (_, part: string) => one(part) ?? '')) ?? '';
}

/** Letters, digits, dots, dashes and underscores only: safe in a rule name and in every shell's comments. */
function safe(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 64);
}

function ruleName(needs: FirewallNeeds, r: NetworkRule): string {
  const where = needs.stanza === undefined ? 'options file' : safe(needs.stanza);
  return `TSM client ${where} ${r.direction} TCP ${r.port}`;
}

/** The rules for one tool, with the line that resolves the server's host name when a rule needs its address. */
function toolSection(tool: Tool, needs: FirewallNeeds): string[] {
  const lines = [`${tool.comment} ---- ${tool.title} ----`, ...tool.notes.map((n) => `${tool.comment} ${n}`)];
  const host = needs.rules.find((r) => r.peer && !isAddressLiteral(r.peer))?.peer;
  if (host) lines.push(fill(tool.resolve, { host }));
  for (const r of needs.rules) {
    const peer = r.peer === undefined ? undefined : isAddressLiteral(r.peer) ? r.peer : tool.variable;
    lines.push(
      fill(r.direction === 'outbound' ? tool.outbound : tool.inbound, {
        peer,
        port: String(r.port),
        local: r.local,
        name: ruleName(needs, r),
      }),
    );
  }
  return [...lines, ...tool.footer, ''];
}

/** A comment line any shell (cmd.exe included) reads as harmless: what the document wrote keeps only plain characters. */
function comment(text: string): string {
  return '# ' + text.replace(/[^A-Za-z0-9 .,:;()'/=+_-]/g, '?');
}

/** The whole text: what the network must allow, in words, then each tool's rules. */
export function rulesText(needs: FirewallNeeds, fileName: string): string {
  const label =
    needs.stanza === undefined ? needs.label : `${needs.label.slice(0, -needs.stanza.length)}${safe(needs.stanza)}`;
  const head = [
    comment(`What the network must allow for the TSM client, ${label} of ${safe(fileName)},`),
    comment('as the dsm language server reads the options file. Check the rules before you use them.'),
    '#',
    ...(needs.rules.length
      ? needs.rules.map((r) => comment(`  ${ruleText(r)}: ${r.purpose}`))
      : [comment('  nothing to open')]),
    ...needs.notes.map((n) => comment(`Note: ${n}`)),
    '',
  ];
  if (!needs.rules.length) return head.join('\n');
  return [...head, ...TOOLS.flatMap((t) => toolSection(t, needs))].join('\n');
}

/** The file name at the end of a URI. */
function fileNameOf(uri: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return path.slice(path.lastIndexOf('/') + 1) || uri;
}

/**
 * The rules for a stanza of a dsm.sys (by name, case-insensitive; may be
 * left out when there is one server stanza) or for a complete dsm.opt; an
 * error in words when there is nothing to answer for.
 */
export function firewallRules(
  doc: DsmDocument,
  ctx: ServiceContext,
  stanza?: string,
): { text: string } | { error: string } {
  const all = firewallNeeds(doc, ctx);
  if (doc.fileKind === 'opt-unix')
    return {
      error:
        'A UNIX dsm.opt connects through the dsm.sys stanza it selects: ask for the rules of that stanza in dsm.sys.',
    };
  if (!all.length) return { error: 'This file has no server stanza.' };
  let needs: FirewallNeeds | undefined;
  if (stanza !== undefined && doc.fileKind === 'sys')
    needs = all.find((n) => n.stanza?.toLowerCase() === stanza.toLowerCase());
  else if (doc.fileKind !== 'sys') needs = all[0];
  else if (all.filter((n) => n.label.startsWith('stanza')).length === 1)
    needs = all.find((n) => n.label.startsWith('stanza'));
  if (!needs) {
    const names = all.map((n) => n.stanza).join(', ');
    return {
      error:
        stanza === undefined
          ? `Name one of the stanzas: ${names}.`
          : `No stanza named ${stanza} in this file. Stanzas: ${names}.`,
    };
  }
  return { text: rulesText(needs, fileNameOf(doc.uri)) };
}
