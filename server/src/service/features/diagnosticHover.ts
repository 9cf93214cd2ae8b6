/**
 * Hover on a line with a diagnostic: what each code there means, in the one
 * line of its CODES summary, above whatever else the hover says. The editor
 * already shows the diagnostic's own message beside it; this says what kind
 * of finding it is, and (in Markdown) where its page is.
 */
import { Hover, MarkupContent, MarkupKind, Position, Range } from 'vscode-languageserver-types';
import { CODES, isCode } from '../codes';
import type { ServiceContext } from '../context';
import { escape, markup } from '../markup';
import type { Finding } from './diagnostics/rule';

/** At most this many codes are summed up: a hover is no problems list. */
export const MAX_CODES_IN_HOVER = 3;

function onLine(f: Finding, line: number): boolean {
  const { start, end } = f.diagnostic.range;
  return start.line <= line && line <= end.line;
}

/** The summaries of the codes reported on the hovered line, or undefined when there are none. */
export function findingsMarkdown(
  findings: readonly Finding[],
  position: Position,
  links = true,
): { markdown: string; range: Range } | undefined {
  const here = findings.filter((f) => onLine(f, position.line) && isCode(f.diagnostic.code));
  if (!here.length) return undefined;
  const codes = [...new Set(here.map((f) => String(f.diagnostic.code)))].filter(isCode);
  const shown = codes.slice(0, MAX_CODES_IN_HOVER).map((code) => {
    const href = here.find((f) => f.diagnostic.code === code)?.diagnostic.codeDescription?.href;
    const name = href && links ? `[${code}](${href})` : `\`${code}\``;
    return `${name}: ${escape(CODES[code].summary)}`;
  });
  if (codes.length > shown.length) shown.push(`and ${codes.length - shown.length} more (see the Problems list)`);
  return { markdown: shown.join('  \n'), range: here[0].diagnostic.range };
}

/** The hover with the line's code summaries first; the hover's own range when it has one. */
export function withFindings(
  base: Hover | null,
  findings: readonly Finding[],
  position: Position,
  ctx: ServiceContext,
): Hover | null {
  const kind = ctx.client.hoverFormat ?? MarkupKind.Markdown;
  const summary = findingsMarkdown(findings, position, kind === MarkupKind.Markdown);
  if (!summary) return base;
  const head = markup(summary.markdown, kind);
  if (!base) return { contents: head, range: summary.range };
  const contents = base.contents as MarkupContent;
  const separator = kind === MarkupKind.PlainText ? '\n\n' : '\n\n---\n\n';
  return { ...base, contents: { kind, value: head.value + separator + contents.value } };
}
