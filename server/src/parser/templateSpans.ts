/**
 * Where a template's syntax lies, for edits and checks: does an edit touch a
 * tag, does a line hold one. The spans are in order and never overlap, so
 * each question is a binary search. (Re-exported by template.ts.)
 */
import type { TemplateSpan, TextPosition } from './types';

function before(p: TextPosition, q: TextPosition): boolean {
  return p.line < q.line || (p.line === q.line && p.character < q.character);
}

/** The first span that ends after `p` (spans are in order and never overlap), by binary search; spans.length when none. */
function firstEndingAfter(spans: readonly TemplateSpan[], p: TextPosition): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(p, spans[mid].range.end)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Does an edit of this range change template syntax (or insert text inside a tag)? */
export function touchesTemplate(
  spans: readonly TemplateSpan[],
  range: { start: TextPosition; end: TextPosition },
): boolean {
  const s = spans[firstEndingAfter(spans, range.start)];
  if (!s) return false;
  // An insertion touches a tag it falls strictly inside; a replacement, one it overlaps.
  return before(range.start, range.end) ? before(s.range.start, range.end) : before(s.range.start, range.start);
}

/** Does some template syntax lie on this line (or run across it)? */
export function lineHasTemplate(spans: readonly TemplateSpan[], line: number): boolean {
  const s = spans[firstEndingAfter(spans, { line, character: 0 })];
  return s !== undefined && s.range.start.line <= line;
}
