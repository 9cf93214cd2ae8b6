/**
 * --fix: the language service's own fixes, applied until the text is stable.
 * By default the fix-all set, what VS Code applies on save
 * (source.fixAll.dsm: the SCHEDMODE fixes); with --fix-code, the preferred
 * quick fix of each finding of the codes named (or of every code). Two edits
 * that touch are never applied in one pass: the later waits for the next
 * pass, on the text the earlier made. At most MAX_FIX_PASSES passes.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeActionKind, Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { DsmDocument } from '../parser/types';
import { FIX_ALL_KIND } from '../service/codes';
import type { DsmLanguageService } from '../service/languageService';
import type { Change, FixCodes } from './types';

export const MAX_FIX_PASSES = 10;

interface Candidate {
  diagnostic: Diagnostic;
  title: string;
  edits: TextEdit[];
}

export interface FixOutcome {
  text: string;
  changes: Change[];
  /** False when the fixes still changed the text after MAX_FIX_PASSES passes. */
  stable: boolean;
}

function key(d: Diagnostic): string {
  const { start, end } = d.range;
  return `${String(d.code)}@${start.line}:${start.character}-${end.line}:${end.character}`;
}

/** Which findings are fixed: those the fix-all action covers, or those of the codes asked for. */
function eligible(
  service: DsmLanguageService,
  doc: DsmDocument,
  all: Diagnostic[],
  codes: FixCodes,
): (d: Diagnostic) => boolean {
  if (codes === 'all') return () => true;
  if (codes) return (d) => codes.includes(String(d.code));
  const whole = Range.create(0, 0, doc.lineCount, 0);
  const fixAll = service.codeActions(doc, whole, { diagnostics: all, only: [FIX_ALL_KIND] });
  const covered = new Set(fixAll.flatMap((a) => a.diagnostics ?? []).map(key));
  return (d) => covered.has(key(d));
}

/** The preferred quick fix of each eligible finding, in the service's order. */
function candidates(service: DsmLanguageService, doc: DsmDocument, codes: FixCodes): Candidate[] {
  const all = service.diagnostics(doc);
  const wanted = eligible(service, doc, all, codes);
  const whole = Range.create(0, 0, doc.lineCount, 0);
  const found: Candidate[] = [];
  for (const a of service.codeActions(doc, whole, { diagnostics: all, only: [CodeActionKind.QuickFix] })) {
    const diagnostic = a.diagnostics?.[0];
    const edits = a.edit?.changes?.[doc.uri] ?? [];
    if (a.isPreferred && diagnostic && edits.length && wanted(diagnostic))
      found.push({ diagnostic, title: a.title, edits });
  }
  return found;
}

type Span = readonly [number, number];

/** Edits clash when they overlap, or start at the same place (the order of the two would be a guess). */
function clash(a: Span, b: Span): boolean {
  return (a[0] < b[1] && b[0] < a[1]) || a[0] === b[0];
}

/** The candidates whose edits touch no edit of an earlier one (nor each other). */
function disjoint(text: TextDocument, all: Candidate[]): Candidate[] {
  const taken: Span[] = [];
  const chosen: Candidate[] = [];
  for (const c of all) {
    const spans: Span[] = c.edits.map((e) => [text.offsetAt(e.range.start), text.offsetAt(e.range.end)]);
    const clashes = spans.some((s, i) => taken.some((t) => clash(s, t)) || spans.some((t, j) => j > i && clash(s, t)));
    if (clashes) continue;
    taken.push(...spans);
    chosen.push(c);
  }
  return chosen;
}

export function fixText(service: DsmLanguageService, text: string, uri: string, codes: FixCodes): FixOutcome {
  const changes: Change[] = [];
  for (let pass = 0; pass < MAX_FIX_PASSES; pass++) {
    const doc = service.parse(text, uri);
    const current = TextDocument.create(uri, 'dsm', pass, text);
    const chosen = disjoint(current, candidates(service, doc, codes));
    const next = chosen.length
      ? TextDocument.applyEdits(
          current,
          chosen.flatMap((c) => c.edits),
        )
      : text;
    if (next === text) return { text, changes, stable: true };
    for (const c of chosen) {
      const { start } = c.diagnostic.range;
      changes.push({
        line: start.line + 1,
        column: start.character + 1,
        code: String(c.diagnostic.code),
        title: c.title,
      });
    }
    text = next;
  }
  return { text, changes, stable: false };
}
