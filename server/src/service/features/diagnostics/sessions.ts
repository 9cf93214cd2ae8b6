/**
 * Who opens the sessions: SESSIONINITIATION SERVERONLY against the
 * scheduler's mode and the client acceptor, and a stanza's scheduler mode
 * against its server's SET SCHEDMODES (a catalog entry's `schedmodes`).
 *
 * IBM's sessioninitiation page:
 * https://www.ibm.com/support/knowledgecenter/SSGSG7_7.1.3/client/r_opt_sessioninitiation.html
 * With SERVERONLY "the client will not attempt to contact the server. All
 * sessions must be initiated by server prompted scheduling on the port
 * defined on the client with the tcpclientport option"; the option "only
 * affects the behavior of the client scheduler running in the prompted
 * mode"; and "You cannot use the dsmcad for scheduling when you set the
 * sessioninitiation option to serveronly".
 */
import { TextEdit } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine } from '../../../parser/document';
import { Scope, fileScope, stanzaScope } from '../../scope';
import type { ServerEntry, ServerSchedmodes } from '../../../model/serverCatalog';
import type { ServiceContext } from '../../context';
import {
  Fix,
  Finding,
  Rule,
  finding,
  hasPlaceholderNames,
  insertLineAfter,
  rendering,
  replaceWord,
  uncertain,
  wordRange,
} from './rule';
import { Opt } from '../../../model/opt';
import { VALUE, WRITE } from './keywords';

/** The keyword (lower case, as the option table spells it) of a line's value word, when it resolves to one. */
export function keyword(ctx: ServiceContext, o: OptionLine | undefined, i = 0): string | undefined {
  const w = o?.values[i];
  if (!o?.option || !w || w.template) return undefined;
  const r = ctx.table.resolveKeyword(o.option, w.text);
  return r.kind === 'match' ? r.item.toLowerCase() : undefined;
}

/** The scopes a client connection reads its scheduling options from: each dsm.sys server stanza, or a whole complete (Windows) dsm.opt. */
export function clientScopes(doc: DsmDocument, ctx: ServiceContext): Scope[] {
  if (doc.fileKind === 'sys')
    return doc.stanzas.filter((s) => s.kind === 'server').map((s) => stanzaScope(doc, s, ctx.table));
  return doc.fileKind === 'opt-windows' && doc.options.length ? [fileScope(doc, ctx.table)] : [];
}

/**
 * In a template, a finding that rests on lines of which one stands in a
 * branch holds only when that branch is rendered: information, at most.
 */
export function unlessBranched(doc: DsmDocument, f: Finding, ...lines: (OptionLine | undefined)[]): Finding {
  const frames = doc.template?.frames;
  return frames && lines.some((o) => o && frames[o.line] !== undefined) ? uncertain(f) : f;
}

/** The SESSIONINITIATION line in effect in a scope, when it says SERVERONLY. */
export function serverOnlyLine(ctx: ServiceContext, scope: Scope): OptionLine | undefined {
  const si = scope.line(Opt.SESSIONINITIATION);
  return keyword(ctx, si) === VALUE.serverOnly ? si : undefined;
}

export const CLIENTORSERVER_NOTE =
  'The server administrator must also set the node to SESSIONINITIATION=CLIENTORSERVER (UPDATE NODE).';

/**
 * The edit that makes a SERVERONLY scope client-initiated again, for a fix
 * made at `at`: none when there is no SERVERONLY, or (in a template) when
 * its line is never rendered with `at`.
 */
export function toClientEdit(doc: DsmDocument, si: OptionLine | undefined, at: OptionLine): TextEdit | undefined {
  if (!si?.values[0] || rendering(doc, at, si) === 'exclusive') return undefined;
  return replaceWord(si.line, si.values[0], WRITE.client);
}

/** The catalogued server a scope connects to, when the site says how it schedules (anything but `any`). */
export function serverSchedmodes(
  ctx: ServiceContext,
  scope: Scope,
): { server: ServerEntry; mode: Exclude<ServerSchedmodes, 'any'> } | undefined {
  const address = scope.word(Opt.TCPSERVERADDRESS);
  const server = address && !address.template ? ctx.catalog.find(address.text) : undefined;
  const mode = server?.schedmodes;
  return server && mode && mode !== 'any' ? { server, mode } : undefined;
}

/** Is this scope's server catalogued as accepting only prompted schedules? Then a fix to POLLING would break it. */
export function serverWantsPrompted(ctx: ServiceContext, scope: Scope): boolean {
  return serverSchedmodes(ctx, scope)?.mode === VALUE.prompted;
}

/** Where a scope's scheduler mode comes from: its SCHEDMODE line and keyword, or IBM's default, POLLING. */
function schedmodeOf(ctx: ServiceContext, scope: Scope): { line?: OptionLine; mode: string | undefined } {
  const line = scope.line(Opt.SCHEDMODE);
  if (!line) return { mode: VALUE.polling };
  return { line, mode: keyword(ctx, line) };
}

/** Scopes whose options a template may render as anything (a placeholder name) are not judged. */
function judged(doc: DsmDocument, ctx: ServiceContext): Scope[] {
  return clientScopes(doc, ctx).filter((s) => !(doc.template && hasPlaceholderNames(s.options)));
}

function toClientFix(doc: DsmDocument, si: OptionLine): Fix[] {
  const edit = toClientEdit(doc, si, si);
  return edit
    ? [
        {
          title: 'Change SESSIONINITIATION to CLIENT (then restart the scheduler)',
          edits: [edit],
          preferred: true,
          changesSchedule: true,
        },
      ]
    : [];
}

/** `serveronly-polling`: SERVERONLY, where the scheduler polls (as written, or by default): no scheduled session ever starts. */
export const serverOnlyPolling: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of judged(doc, ctx)) {
    const si = serverOnlyLine(ctx, scope);
    if (!si) continue;
    const { line, mode } = schedmodeOf(ctx, scope);
    if (mode !== VALUE.polling) continue;
    const how = line ? `SCHEDMODE POLLING (line ${line.line + 1})` : 'no SCHEDMODE, so the default POLLING';
    const message =
      `SESSIONINITIATION SERVERONLY with ${how}: the two contradict each other. IBM says SERVERONLY affects only a scheduler in prompted mode, and that with it every session must be started by the server's prompted schedule on TCPCLIENTPORT. ` +
      'A polling scheduler never waits for that call: either this line does nothing, or the node is meant to be reached only by the server and its scheduled backups never start. ' +
      'Use SESSIONINITIATION CLIENT (the scheduler then polls), or SCHEDMODE PROMPTED with TCPCLIENTPORT open to the server. ' +
      CLIENTORSERVER_NOTE;
    findings.push(
      unlessBranched(
        doc,
        finding('serveronly-polling', wordRange(si.line, si.values[0]), message, toClientFix(doc, si)),
        si,
        line,
      ),
    );
  }
  return findings;
};

/** `serveronly-managedservices`: the client acceptor asked to run the scheduler, where SERVERONLY forbids it. */
export const serverOnlyManagedServices: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of judged(doc, ctx)) {
    const si = serverOnlyLine(ctx, scope);
    const managed = scope.line(Opt.MANAGEDSERVICES);
    const at = managed?.values.findIndex((_, i) => keyword(ctx, managed, i) === VALUE.schedule) ?? -1;
    if (!si || !managed || at < 0) continue;
    const message =
      `MANAGEDSERVICES SCHEDULE with SESSIONINITIATION SERVERONLY (line ${si.line + 1}): IBM says the client acceptor (dsmcad) cannot be used for scheduling with SERVERONLY, so no schedule runs. ` +
      'Run the scheduler with dsmc schedule instead, or use SESSIONINITIATION CLIENT. ' +
      CLIENTORSERVER_NOTE;
    findings.push(
      unlessBranched(
        doc,
        finding(
          'serveronly-managedservices',
          wordRange(managed.line, managed.values[at]),
          message,
          toClientFix(doc, si),
        ),
        si,
        managed,
      ),
    );
  }
  return findings;
};

/**
 * `schedmode-server-mismatch`: the stanza's scheduler mode against its
 * catalogued server's SET SCHEDMODES. IBM's SET SCHEDMODES page: POLLING
 * "Specifies that only the client-polling mode can be used", PROMPTED "that
 * only the server-prompted mode can be used"; at installation, ANY.
 * https://www.ibm.com/support/knowledgecenter/en/SSEQVQ_8.1.10/srv.reference/r_cmd_schedmodes_set.html
 * The schedmode page: "If your administrator specifies only one mode, you
 * must specify that mode in your dsm.sys file or scheduled work is not
 * processed." http://www-01.ibm.com/support/knowledgecenter/SSGSG7_7.1.4/client/r_opt_schedmode.html
 */
export const schedmodeServerMismatch: Rule = (doc, ctx) => {
  const findings: Finding[] = [];
  for (const scope of judged(doc, ctx)) {
    const { header, options } = scope;
    const wanted = serverSchedmodes(ctx, scope);
    if (!wanted) continue;
    const { line, mode } = schedmodeOf(ctx, scope);
    if (!mode || mode === wanted.mode) continue;
    const where = `${wanted.server.address} is set to accept only ${wanted.mode.toUpperCase()} schedules (SET SCHEDMODES ${wanted.mode.toUpperCase()}, from the server catalog)`;
    const write = wanted.mode === VALUE.polling ? WRITE.polling : WRITE.prompted;
    const fixes: Fix[] = [];
    let range;
    if (line?.values[0]) {
      range = wordRange(line.line, line.values[0]);
      const edits = [replaceWord(line.line, line.values[0], write)];
      const si = wanted.mode === VALUE.polling ? toClientEdit(doc, serverOnlyLine(ctx, scope), line) : undefined;
      if (si) edits.push(si);
      fixes.push({
        title: `Change SCHEDMODE to ${write}${si ? ' and SESSIONINITIATION to CLIENT' : ''} (then restart the scheduler)`,
        edits,
        preferred: true,
        changesSchedule: true,
      });
    } else {
      const anchor = options[options.length - 1] ?? header;
      range = wordRange((header ?? options[0]).line, (header ?? options[0]).name);
      if (anchor)
        fixes.push({
          title: `Add ${WRITE.schedmodePrompted} (then restart the scheduler)`,
          edits: [insertLineAfter(doc, anchor, anchor.indent, WRITE.schedmodePrompted)],
          preferred: true,
          changesSchedule: true,
        });
    }
    const now = line
      ? `this stanza's SCHEDMODE is ${mode.toUpperCase()}`
      : 'this stanza has no SCHEDMODE, so its scheduler polls (the default)';
    const extra =
      wanted.mode === VALUE.prompted
        ? ' A prompted scheduler needs the server to reach TCPCLIENTPORT through any firewall.'
        : '';
    const f = finding(
      'schedmode-server-mismatch',
      range,
      `${where}, but ${now}: IBM says a client must use the one mode its server allows, or scheduled work is not processed.${extra}`,
      fixes,
    );
    findings.push(unlessBranched(doc, f, line, scope.line(Opt.TCPSERVERADDRESS)));
  }
  return findings;
};
