/** What every output format shares: the interface, the context, and the closing sentence. */
import type { FileResult, FixMode, Level } from '../types';

export interface Summary {
  /** Files checked (or that could not be). */
  files: number;
  /** Files that could not be read, checked or written. */
  failed: number;
  counts: Record<Level, number>;
  /** Fixes applied (or, with --fix-dry-run, that would be), and in how many files. */
  fixes: number;
  fixedFiles: number;
}

export interface Output {
  out: string;
  err?: string;
}

export interface Formatter {
  begin(): string;
  file(result: FileResult): string;
  end(summary: Summary): Output;
}

export interface FormatContext {
  /** Paths are shown relative to it (SARIF: its URI is %SRCROOT%). */
  cwd: string;
  tool: { name: string; version: string; homepage?: string };
  fix: FixMode;
  quiet: boolean;
}

function plural(n: number, word: string, many = word + 's'): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** The closing sentence of the text and github formats. */
export function summarySentence(s: Summary, fix: FixMode): string {
  const total = s.counts.error + s.counts.warning + s.counts.information + s.counts.hint;
  const parts = [`${plural(s.files, 'file')} checked`];
  if (total) {
    const by = (['error', 'warning', 'information', 'hint'] as const)
      .filter((l) => s.counts[l])
      .map((l) => plural(s.counts[l], l, l === 'information' ? l : l + 's'));
    parts.push(`${plural(total, 'problem')} (${by.join(', ')})`);
  } else {
    parts.push('no problems');
  }
  if (s.fixes)
    parts.push(
      `${plural(s.fixes, 'fix', 'fixes')} ${fix === 'diff' ? 'to apply' : 'applied'} in ${plural(s.fixedFiles, 'file')}`,
    );
  if (s.failed)
    parts.push(`${plural(s.failed, 'file')} could not be ${fix === 'write' ? 'checked or fixed' : 'checked'}`);
  return `dsm-lint: ${parts.join(', ')}.\n`;
}
