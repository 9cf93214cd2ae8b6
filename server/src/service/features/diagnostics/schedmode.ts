/**
 * Diagnostics: each rule looks at the parsed document and returns findings,
 * a diagnostic with the fixes that resolve it. The code-action feature runs
 * the same rules, so a fix always belongs to the diagnostic it was made for.
 */
import { Diagnostic, DiagnosticSeverity, Range, TextEdit } from 'vscode-languageserver-types';
import { DsmDocument, OptionLine, Stanza, isOption } from '../../parser/document';
import { ServiceContext, SOURCE } from '../context';

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Offered as the one-click fix, and part of fix-all. */
  preferred: boolean;
  /** The fix changes SCHEDMODE, so the scheduler must be restarted afterwards. */
  changesSchedule?: boolean;
}

export interface Finding {
  diagnostic: Diagnostic;
  fixes: Fix[];
}

export type Rule = (doc: DsmDocument, ctx: ServiceContext) => Finding[];

export function wordRange(line: number, word: { start: number; end: number }): Range {
  return Range.create(line, word.start, line, word.end);
}

/** From the option name to the end of its last value word. */
export function lineRange(o: OptionLine): Range {
  const last = o.values.length ? o.values[o.values.length - 1] : o.name;
  return Range.create(o.line, o.name.start, o.line, last.end);
}

function warning(code: string, range: Range, message: string): Diagnostic {
  return { range, severity: DiagnosticSeverity.Warning, code, source: SOURCE, message };
}

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
    findings.push({
      diagnostic: warning('schedmode-prompted', range, PROMPTED_MESSAGE),
      fixes: [{ title: 'Change SCHEDMODE to POLLING' + RESTART, edits: [TextEdit.replace(range, 'POLLING')], preferred: true, changesSchedule: true }],
    });
  }
  return findings;
};

/** Inserts `SCHEDMODE POLLING` as a new line after `after`, indented like `indentLike`. */
function insertPolling(doc: DsmDocument, after: OptionLine, indent: string): TextEdit {
  const end = after.values.length ? after.values[after.values.length - 1].end : after.name.end;
  return TextEdit.insert({ line: after.line, character: end }, doc.eol + indent + 'SCHEDMODE POLLING');
}

function stanzaIndent(stanza: Stanza): string {
  return stanza.options.length ? stanza.options[0].indent : stanza.header.indent;
}

/** `schedmode-missing`: a server stanza, or a complete dsm.opt, that leaves SCHEDMODE to defaults. */
export const schedmodeMissing: Rule = (doc) => {
  const findings: Finding[] = [];
  if (doc.fileKind === 'sys') {
    for (const stanza of doc.stanzas) {
      if (stanza.kind !== 'server' || stanza.options.some((o) => isOption(o, 'schedmode'))) continue;
      const last = stanza.options.length ? stanza.options[stanza.options.length - 1] : stanza.header;
      const label = stanza.name ? `server stanza ${stanza.name}` : 'this server stanza';
      findings.push({
        diagnostic: warning(
          'schedmode-missing',
          lineRange(stanza.header),
          `No SCHEDMODE in ${label}. Write SCHEDMODE POLLING explicitly: the scheduler then only connects outward, ` +
            'which firewalls allow, instead of depending on defaults that may leave it waiting for a call that is blocked.',
        ),
        fixes: [
          {
            title: `Add SCHEDMODE POLLING to ${label}` + RESTART,
            edits: [insertPolling(doc, last, stanzaIndent(stanza))],
            preferred: true,
            changesSchedule: true,
          },
        ],
      });
    }
  } else if (doc.fileKind === 'opt-windows' && doc.options.length && !doc.options.some((o) => isOption(o, 'schedmode'))) {
    const first = doc.options[0];
    const last = doc.options[doc.options.length - 1];
    findings.push({
      diagnostic: warning(
        'schedmode-missing',
        lineRange(first),
        'This options file connects to a server but has no SCHEDMODE. Write SCHEDMODE POLLING explicitly: ' +
          'the scheduler then only connects outward, which firewalls allow.',
      ),
      fixes: [{ title: 'Add SCHEDMODE POLLING' + RESTART, edits: [insertPolling(doc, last, last.indent)], preferred: true, changesSchedule: true }],
    });
  }
  return findings;
};

export const RULES: readonly Rule[] = [schedmodePrompted, schedmodeMissing];

/** Every finding of every rule. A rule that throws loses its own findings only. */
export function findings(doc: DsmDocument, ctx: ServiceContext): Finding[] {
  const all: Finding[] = [];
  for (const rule of RULES) {
    try {
      all.push(...rule(doc, ctx));
    } catch (e) {
      all.push({
        diagnostic: {
          range: Range.create(0, 0, 0, 0),
          severity: DiagnosticSeverity.Information,
          code: 'internal-error',
          source: SOURCE,
          message: `The dsm checker could not finish one of its checks (${(e as Error).message}); the file was not changed.`,
        },
        fixes: [],
      });
    }
  }
  return all;
}

export function diagnostics(doc: DsmDocument, ctx: ServiceContext): Diagnostic[] {
  return findings(doc, ctx).map((f) => f.diagnostic);
}
