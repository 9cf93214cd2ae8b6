/**
 * Code actions: the quick fixes of the findings under the cursor, and
 * `source.fixAll.dsm`, which applies every preferred fix in one edit.
 */
import {
  CodeAction,
  CodeActionContext,
  CodeActionKind,
  Command,
  Diagnostic,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { DsmDocument } from '../../parser/types';
import type { ServiceContext } from '../context';
import { COMMANDS, FIX_ALL_KIND } from '../codes';
import type { Finding } from './diagnostics/rule';

function overlaps(a: Range, b: Range): boolean {
  const before = (p: { line: number; character: number }, q: { line: number; character: number }) =>
    p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return (
    a.code === b.code &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}

/** The restart reminder, for clients that asked for it; others get the edit alone (the title says to restart). */
function reminder(doc: DsmDocument, ctx: ServiceContext, changesSchedule: boolean | undefined): Command | undefined {
  if (!changesSchedule || !ctx.client.restartReminderCommand) return undefined;
  return Command.create('Remind me to restart the scheduler', COMMANDS.restartReminder, doc.uri);
}

function wants(context: CodeActionContext, kind: string): boolean {
  return !context.only || context.only.some((k) => kind === k || kind.startsWith(k + '.'));
}

/**
 * Every fix-all fix of the document, as one list of edits. Each rule edits its
 * own line, but two SCHEDMODE fixes of one SERVERONLY scope both change its
 * SESSIONINITIATION word: an edit already taken is not taken twice.
 */
function fixAllEdits(all: readonly Finding[]): { edits: TextEdit[]; changesSchedule: boolean; toClient: boolean } {
  const edits: TextEdit[] = [];
  const taken = new Set<string>();
  let changesSchedule = false;
  let toClient = false;
  for (const f of all) {
    const fix = f.fixes.find((x) => x.fixAll);
    if (!fix) continue;
    for (const e of fix.edits) {
      const key = `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`;
      if (taken.has(key)) continue;
      taken.add(key);
      edits.push(e);
    }
    changesSchedule ||= !!fix.changesSchedule;
    toClient ||= !!fix.toClient;
  }
  return { edits, changesSchedule, toClient };
}

/** The code actions for a range, from the document's findings (as diagnostics computed them). */
export function codeActions(
  doc: DsmDocument,
  all: readonly Finding[],
  range: Range,
  context: CodeActionContext,
  ctx: ServiceContext,
): CodeAction[] {
  const actions: CodeAction[] = [];

  if (wants(context, CodeActionKind.QuickFix)) {
    for (const f of all) {
      const requested =
        context.diagnostics.some((d) => sameDiagnostic(d, f.diagnostic)) || overlaps(f.diagnostic.range, range);
      if (!requested) continue;
      for (const fix of f.fixes) {
        actions.push({
          title: fix.title,
          kind: CodeActionKind.QuickFix,
          diagnostics: [f.diagnostic],
          isPreferred: fix.preferred,
          edit: fix.edits.length ? { changes: { [doc.uri]: fix.edits } } : undefined,
          command: fix.command ?? reminder(doc, ctx, fix.changesSchedule),
        });
      }
    }
  }

  // Fix-all is only offered when asked for by kind (on save, or the Fix All command), as VS Code expects of source actions.
  if (context.only && wants(context, FIX_ALL_KIND)) {
    const { edits, changesSchedule, toClient } = fixAllEdits(all);
    if (edits.length) {
      actions.push({
        title:
          'Fix all SCHEDMODE problems: use POLLING' +
          (toClient ? ', and SESSIONINITIATION CLIENT where it was SERVERONLY' : '') +
          (changesSchedule ? ' (then restart the scheduler)' : ''),
        kind: FIX_ALL_KIND,
        diagnostics: all.filter((f) => f.fixes.some((x) => x.fixAll)).map((f) => f.diagnostic),
        edit: { changes: { [doc.uri]: edits } },
        command: reminder(doc, ctx, changesSchedule),
      });
    }
  }
  return actions;
}
