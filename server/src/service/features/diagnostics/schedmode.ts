/** The rules this project started from: every scheduler should poll, and say so. */
import { TextEdit } from 'vscode-languageserver-types';
import { OptionLine, Stanza, isOption } from '../../../parser/document';
import { Fix, Finding, Rule, finding, insertLineAfter, lineRange, wordRange } from './rule';

const PROMPTED_MESSAGE =
  'SCHEDMODE PROMPTED: the server has to open a connection to this client to start each backup. ' +
  'A firewall that blocks inbound connections stops that call, and the backup silently never runs. ' +
  'Use SCHEDMODE POLLING, where the client itself asks the server for work, then restart the scheduler.';

const RESTART = ' (then restart the scheduler)';

/** `schedmode-prompted`: a scheduler waiting for the server's call, in any file. */
export const schedmodePrompted: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const o of doc.options) {
    if (!isOption(o, 'schedmode') || !o.option) continue;
    const value = o.values[0];
    if (!value) continue;
    const r = ctx.table.resolveKeyword(o.option, value.text);
    if (r.kind !== 'match' || r.item.toLowerCase() !== 'prompted') continue;
    const range = wordRange(o.line, value);
    const fix: Fix = { title: 'Change SCHEDMODE to POLLING' + RESTART, edits: [TextEdit.replace(range, 'POLLING')], preferred: true, fixAll: true, changesSchedule: true };
    findings.push(finding('schedmode-prompted', range, PROMPTED_MESSAGE, [fix]));
  }
  return findings;
};

function addPolling(title: string, edit: TextEdit): Fix {
  return { title: title + RESTART, edits: [edit], preferred: true, fixAll: true, changesSchedule: true };
}

function lastOf(stanza: Stanza): OptionLine {
  return stanza.options.length ? stanza.options[stanza.options.length - 1] : stanza.header;
}

/** `schedmode-missing`: a server stanza, or a complete dsm.opt, that leaves SCHEDMODE to defaults. */
export const schedmodeMissing: Rule = (doc) => {
  const findings: Finding[] = [];
  if (doc.fileKind === 'sys') {
    for (const stanza of doc.stanzas) {
      if (stanza.kind !== 'server' || stanza.options.some((o) => isOption(o, 'schedmode'))) continue;
      const label = stanza.name ? `server stanza ${stanza.name}` : 'this server stanza';
      const indent = stanza.options.length ? stanza.options[0].indent : stanza.header.indent;
      findings.push(
        finding(
          'schedmode-missing',
          lineRange(stanza.header),
          `No SCHEDMODE in ${label}. Write SCHEDMODE POLLING explicitly: the scheduler then only connects outward, ` +
            'which firewalls allow, instead of depending on defaults that may leave it waiting for a call that is blocked.',
          [addPolling(`Add SCHEDMODE POLLING to ${label}`, insertLineAfter(doc, lastOf(stanza), indent, 'SCHEDMODE POLLING'))],
        ),
      );
    }
  } else if (doc.fileKind === 'opt-windows' && doc.options.length && !doc.options.some((o) => isOption(o, 'schedmode'))) {
    const last = doc.options[doc.options.length - 1];
    findings.push(
      finding(
        'schedmode-missing',
        lineRange(doc.options[0]),
        'This options file connects to a server but has no SCHEDMODE. Write SCHEDMODE POLLING explicitly: ' +
          'the scheduler then only connects outward, which firewalls allow.',
        [addPolling('Add SCHEDMODE POLLING', insertLineAfter(doc, last, last.indent, 'SCHEDMODE POLLING'))],
      ),
    );
  }
  return findings;
};
