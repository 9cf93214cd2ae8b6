/**
 * Suppression comments:
 *   `* dsm-disable-next-line [code[,code...]] [-- reason]` silences those codes
 *   (all, without a code) on the next line;
 *   `* dsm-disable [code[,code...]] [-- reason]` silences them in the whole file.
 * The reason is for people: the checks only keep it. Each suppression
 * remembers what it silenced, so that one that silences nothing can be
 * reported (`unused-disable`, asked for by dsm-lint --report-unused-disable).
 */
import { Diagnostic, Range, TextEdit } from 'vscode-languageserver-types';
import type { CommentLine, DsmDocument } from '../../../parser/types';
import { COMMANDS, isCode } from '../../codes';
import type { ServiceContext } from '../../context';
import { Finding, Fix, deleteLine, finding } from './rule';

export const DISABLE_MARKER = 'dsm-disable-next-line';
export const DISABLE_FILE_MARKER = 'dsm-disable';

/** What separates the codes from the reason. */
export const REASON_SEPARATOR = '--';

export interface Suppression {
  scope: 'next-line' | 'file';
  /** The codes named, as written (lower-cased); empty: every code. */
  codes: string[];
  reason?: string;
  comment: CommentLine;
  /** The codes it silenced a finding of (`*` for a suppression of every code). */
  used: Set<string>;
}

/** A comment's text (after its marker) read as a suppression, or undefined when it is none. */
export function parseSuppression(text: string): Pick<Suppression, 'scope' | 'codes' | 'reason'> | undefined {
  const marker = /^\S+/.exec(text)?.[0];
  if (marker !== DISABLE_MARKER && marker !== DISABLE_FILE_MARKER) return undefined;
  const rest = text.slice(marker.length);
  const separator = /(?:^|\s)--(?:\s|$)/.exec(rest);
  const head = separator ? rest.slice(0, separator.index) : rest;
  const reason = separator ? rest.slice(separator.index + separator[0].length).trim() : '';
  const codes = head
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((c) => c.toLowerCase());
  return { scope: marker === DISABLE_MARKER ? 'next-line' : 'file', codes, ...(reason ? { reason } : {}) };
}

/** The suppressions of a document, and which findings they silence. */
export class Suppressions {
  private readonly byLine = new Map<number, Suppression>();
  private readonly fileWide: Suppression[] = [];
  readonly all: Suppression[] = [];

  constructor(doc: DsmDocument) {
    for (const comment of doc.comments) {
      const parsed = parseSuppression(comment.text);
      if (!parsed) continue;
      const s: Suppression = { ...parsed, comment, used: new Set() };
      this.all.push(s);
      if (s.scope === 'file') this.fileWide.push(s);
      else this.byLine.set(comment.line + 1, s);
    }
  }

  /** Is this diagnostic silenced? The suppression that silences it is marked used. */
  silences(d: Diagnostic): boolean {
    const code = String(d.code);
    const hit = (s: Suppression | undefined) => {
      if (!s) return false;
      if (s.codes.length === 0) return (s.used.add('*'), true);
      return s.codes.includes(code) ? (s.used.add(code), true) : false;
    };
    return hit(this.byLine.get(d.range.start.line)) || this.fileWide.some(hit);
  }

  /** `unused-disable`: each suppression, or code of one, that silenced nothing. */
  unused(doc: DsmDocument): Finding[] {
    const found: Finding[] = [];
    for (const s of this.all) {
      const unusedCodes = s.codes.length ? s.codes.filter((c) => !s.used.has(c)) : s.used.size ? [] : ['*'];
      if (!unusedCodes.length) continue;
      const range = Range.create(s.comment.line, s.comment.start, s.comment.line, s.comment.end);
      const where = s.scope === 'file' ? 'in this file' : 'on the next line';
      const named = unusedCodes.map((c) => (c === '*' || isCode(c) ? c : `${c} (no dsm code)`));
      const message =
        unusedCodes[0] === '*'
          ? `This suppression silences every check ${where}, but there is nothing ${where} to silence.`
          : `This suppression names ${named.join(', ')}, but no such finding ${where} needed silencing.`;
      const whole = unusedCodes.length === (s.codes.length || 1);
      const fixes: Fix[] = whole
        ? [{ title: 'Remove the unused suppression', edits: [deleteLine(doc, s.comment.line)], preferred: true }]
        : [];
      found.push(finding('unused-disable', range, message, fixes));
    }
    return found;
  }
}

/**
 * The quick fix *Ignore <code> on this line*: a `dsm-disable-next-line`
 * comment above the line. A client that can place the cursor (VS Code's
 * dsm.placeCursor) gets ` -- ` after the code and the cursor where the
 * reason goes; others get the plain comment.
 */
export function disableFix(doc: DsmDocument, f: Finding, ctx: ServiceContext): Fix {
  const line = f.diagnostic.range.start.line;
  const entry = doc.byLine[line];
  const indent = entry?.kind === 'option' ? entry.indent : '';
  const reasonSlot = ctx.client.placeCursorCommand === true;
  const text = `${indent}* ${DISABLE_MARKER} ${f.diagnostic.code}${reasonSlot ? ` ${REASON_SEPARATOR} ` : ''}`;
  return {
    title: `Ignore ${f.diagnostic.code} on this line`,
    edits: [TextEdit.insert({ line, character: 0 }, text + doc.eol)],
    preferred: false,
    ...(reasonSlot
      ? {
          command: {
            title: 'Write the reason',
            command: COMMANDS.placeCursor,
            arguments: [doc.uri, { line, character: text.length }],
          },
        }
      : {}),
  };
}
