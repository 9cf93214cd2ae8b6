/**
 * --fix-dry-run: the changes as a unified diff (three lines of context),
 * with `a/` and `b/` prefixes, so that `git apply` or `patch -p1` applies
 * it. Lines keep their own line endings (a CRLF file's patch applies to it
 * byte for byte); a last line without one is marked as diff marks it.
 */

type Op = { kind: ' ' | '-' | '+'; line: string };

export const CONTEXT = 3;

/** Past this many differing lines the middle of the files is shown as one replacement: still exact, only less fine-grained. */
const MAX_EDIT_DISTANCE = 1000;

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' shortest edit script between a and b, or undefined past MAX_EDIT_DISTANCE. */
function shortestEdit(a: string[], b: string[]): Op[] | undefined {
  const n = a.length;
  const m = b.length;
  const max = Math.min(n + m, MAX_EDIT_DISTANCE);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d, off);
    }
  }
  return undefined;
}

function backtrack(a: string[], b: string[], trace: Int32Array[], dEnd: number, off: number): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = d === 0 ? 0 : v[off + prevK];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: ' ', line: a[--x] });
      y--;
    }
    if (d > 0) ops.push(down ? { kind: '+', line: b[--y] } : { kind: '-', line: a[--x] });
  }
  return ops.reverse();
}

function editScript(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const middle = shortestEdit(midA, midB) ?? [
    ...midA.map((line) => ({ kind: '-' as const, line })),
    ...midB.map((line) => ({ kind: '+' as const, line })),
  ];
  const same = (line: string): Op => ({ kind: ' ', line });
  return [...a.slice(0, head).map(same), ...middle, ...a.slice(a.length - tail).map(same)];
}

function show(op: Op): string {
  return op.line.endsWith('\n') ? op.kind + op.line : `${op.kind}${op.line}\n\\ No newline at end of file\n`;
}

/** The hunks: runs of changes closer than 2 x CONTEXT lines share one. */
function hunks(ops: Op[]): string[] {
  const changed = ops.flatMap((op, i) => (op.kind === ' ' ? [] : [i]));
  const out: string[] = [];
  for (let g = 0; g < changed.length;) {
    let last = g;
    while (last + 1 < changed.length && changed[last + 1] - changed[last] <= 2 * CONTEXT) last++;
    const from = Math.max(0, changed[g] - CONTEXT);
    const to = Math.min(ops.length, changed[last] + 1 + CONTEXT);
    const before = ops.slice(0, from);
    const oldStart = before.filter((o) => o.kind !== '+').length;
    const newStart = before.filter((o) => o.kind !== '-').length;
    const body = ops.slice(from, to);
    const oldCount = body.filter((o) => o.kind !== '+').length;
    const newCount = body.filter((o) => o.kind !== '-').length;
    const start = (s: number, count: number) => (count === 0 ? s : s + 1);
    out.push(
      `@@ -${start(oldStart, oldCount)},${oldCount} +${start(newStart, newCount)},${newCount} @@\n` +
        body.map(show).join(''),
    );
    g = last + 1;
  }
  return out;
}

/** The unified diff from one text to the other, or '' when they are equal. `name` is the file's path, with forward slashes. */
export function unifiedDiff(oldText: string, newText: string, name: string): string {
  if (oldText === newText) return '';
  const ops = editScript(splitLines(oldText), splitLines(newText));
  return `--- a/${name}\n+++ b/${name}\n` + hunks(ops).join('');
}
