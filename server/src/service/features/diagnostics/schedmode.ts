/** The rules this project started from: every scheduler should poll, and say so. */
import { TextEdit } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, isOption } from '../../../parser/document';
import { Opt } from '../../../model/opt';
import { Scope, fileScope, scopeAt, stanzaScope } from '../../scope';
import { lineHasTemplate, onEveryPath } from '../../../parser/template';
import {
  Fix,
  Finding,
  Rule,
  finding,
  hasPlaceholderNames,
  insertLineAfter,
  lineRange,
  uncertain,
  wordRange,
} from './rule';
import type { ServiceContext } from '../../context';
import { CLIENTORSERVER_NOTE, serverOnlyLine, serverWantsPrompted, toClientEdit } from './sessions';

const PROMPTED_MESSAGE =
  'SCHEDMODE PROMPTED: the server has to open a connection to this client to start each backup. ' +
  'A firewall that blocks inbound connections stops that call, and the backup silently never runs. ' +
  'Use SCHEDMODE POLLING, where the client itself asks the server for work, then restart the scheduler.';

const RESTART = ' (then restart the scheduler)';

const AND_CLIENT = ' and change SESSIONINITIATION to CLIENT';
const ALSO_CLIENT = ' and SESSIONINITIATION to CLIENT';

/**
 * Where the scope says SESSIONINITIATION SERVERONLY, POLLING alone would
 * leave a polling scheduler that may not contact the server (IBM's
 * sessioninitiation page, cited in sessions.ts): the fix changes both lines.
 */
function serverOnlyNote(si: OptionLine): string {
  return (
    ` This scope also says SESSIONINITIATION SERVERONLY (line ${si.line + 1}), where only the server's prompted schedule may start a session: ` +
    'the fix changes it to CLIENT as well, so that the polling scheduler may contact the server. ' +
    CLIENTORSERVER_NOTE
  );
}

const TEMPLATE_PROMPTED_MESSAGE =
  'SCHEDMODE comes from a template expression that names PROMPTED: the rendered file may say SCHEDMODE PROMPTED, ' +
  'which a firewall blocking inbound connections silently defeats. Make the template give POLLING.';

/** `schedmode-prompted`: a scheduler waiting for the server's call, in any file. */
export const schedmodePrompted: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const o of doc.options) {
    if (!isOption(o, Opt.SCHEDMODE) || !o.option) continue;
    const value = o.values[0];
    if (!value) continue;
    if (value.template) {
      // A placeholder: its value is unknown, but one that names PROMPTED (`{{ mode | default('prompted') }}`) may well give it.
      if (/\bprompted\b/i.test(value.text))
        findings.push(uncertain(finding('schedmode-prompted', wordRange(o.line, value), TEMPLATE_PROMPTED_MESSAGE)));
      continue;
    }
    const r = ctx.table.resolveKeyword(o.option, value.text);
    if (r.kind !== 'match' || r.item.toLowerCase() !== 'prompted') continue;
    const scope = scopeAt(doc, o.line, ctx.table);
    // The site's server accepts only prompted schedulers: POLLING would break it (schedmode-server-mismatch says so instead).
    if (serverWantsPrompted(ctx, scope)) continue;
    const range = wordRange(o.line, value);
    const si = serverOnlyLine(ctx, scope);
    const toClient = toClientEdit(doc, si, o);
    const edits = toClient ? [TextEdit.replace(range, 'POLLING'), toClient] : [TextEdit.replace(range, 'POLLING')];
    const title = 'Change SCHEDMODE to POLLING' + (toClient ? ALSO_CLIENT : '') + RESTART;
    const fix: Fix = { title, edits, preferred: true, fixAll: true, changesSchedule: true, toClient: !!toClient };
    findings.push(
      finding('schedmode-prompted', range, PROMPTED_MESSAGE + (toClient && si ? serverOnlyNote(si) : ''), [fix]),
    );
  }
  return findings;
};

function addPolling(title: string, edits: TextEdit[], toClient: boolean): Fix {
  return {
    title: title + (toClient ? AND_CLIENT : '') + RESTART,
    edits,
    preferred: true,
    fixAll: true,
    changesSchedule: true,
    toClient,
  };
}

/**
 * Where a SCHEDMODE POLLING line is added: after the scope's last option (or
 * its header). In a template, only after a line free of template syntax that
 * is rendered with the header (not in a branch of its own); none, no fix.
 */
function anchorFor(doc: DsmDocument, scope: Scope): OptionLine | undefined {
  const { header, lines } = scope;
  const t = doc.template;
  if (!t) return lines[lines.length - 1];
  const frame = header ? t.frames[header.line] : undefined;
  for (let i = lines.length - 1; i >= 0; i--)
    if (t.frames[lines[i].line] === frame && !lineHasTemplate(t.spans, lines[i].line)) return lines[i];
  return undefined;
}

/**
 * Is SCHEDMODE set in a scope whose header stands at `header` (none: the
 * whole file)? In a template: `sometimes` when it is set only in some
 * branches, `unknown` when a placeholder line may set it.
 */
function schedmodeSet(doc: DsmDocument, scope: Scope): 'yes' | 'no' | 'sometimes' | 'unknown' {
  const t = doc.template;
  if (!t) return scope.isSet(Opt.SCHEDMODE) ? 'yes' : 'no';
  const { header, options } = scope;
  if (hasPlaceholderNames(options)) return 'unknown';
  const set = scope.all(Opt.SCHEDMODE);
  if (!set.length) return 'no';
  return onEveryPath(
    set.map((o) => t.frames[o.line]),
    header && t.frames[header.line],
  )
    ? 'yes'
    : 'sometimes';
}

/** A scope that should set SCHEDMODE: a server stanza (with its header), or a complete options file. */
interface ShouldPoll {
  scope: Scope;
  label: string;
  fixTitle: string;
  message: string;
}

function missingFinding(
  doc: DsmDocument,
  ctx: ServiceContext,
  { scope, label, fixTitle, message }: ShouldPoll,
): Finding[] {
  const { header, options } = scope;
  const set = schedmodeSet(doc, scope);
  if (set === 'yes' || set === 'unknown') return [];
  // The site's server accepts only prompted schedulers: adding POLLING would break it (schedmode-server-mismatch says so instead).
  if (serverWantsPrompted(ctx, scope)) return [];
  const range = lineRange(header ?? options[0]);
  if (set === 'sometimes') {
    const first = options.find((o) => isOption(o, Opt.SCHEDMODE))!;
    const why = `SCHEDMODE is set in ${label} only in some branches of the template (line ${first.line + 1}). Where none is rendered, the scheduler depends on defaults: write SCHEDMODE POLLING in every branch, or outside them.`;
    return [uncertain(finding('schedmode-missing', range, why))];
  }
  const anchor = anchorFor(doc, scope);
  const indent = header ? (options[0] ?? header).indent : options[options.length - 1].indent;
  if (!anchor) return [finding('schedmode-missing', range, message)];
  const si = serverOnlyLine(ctx, scope);
  const toClient = toClientEdit(doc, si, anchor);
  const add = insertLineAfter(doc, anchor, indent, 'SCHEDMODE POLLING');
  const fix = addPolling(fixTitle, toClient ? [add, toClient] : [add], !!toClient);
  return [finding('schedmode-missing', range, message + (toClient && si ? serverOnlyNote(si) : ''), [fix])];
}

/** `schedmode-missing`: a server stanza, or a complete dsm.opt, that leaves SCHEDMODE to defaults. */
export const schedmodeMissing: Rule = (doc, ctx) => {
  if (doc.fileKind === 'sys') {
    return doc.stanzas
      .filter((s) => s.kind === 'server')
      .flatMap((s) => {
        const label = s.name ? `server stanza ${s.name}` : 'this server stanza';
        const message =
          `No SCHEDMODE in ${label}. Write SCHEDMODE POLLING explicitly: the scheduler then only connects outward, ` +
          'which firewalls allow, instead of depending on defaults that may leave it waiting for a call that is blocked.';
        return missingFinding(doc, ctx, {
          scope: stanzaScope(doc, s, ctx.table),
          label,
          fixTitle: `Add SCHEDMODE POLLING to ${label}`,
          message,
        });
      });
  }
  if (doc.fileKind !== 'opt-windows' || !doc.options.length) return [];
  const message =
    'This options file connects to a server but has no SCHEDMODE. Write SCHEDMODE POLLING explicitly: the scheduler then only connects outward, which firewalls allow.';
  return missingFinding(doc, ctx, {
    scope: fileScope(doc, ctx.table),
    label: 'this options file',
    fixTitle: 'Add SCHEDMODE POLLING',
    message,
  });
};
