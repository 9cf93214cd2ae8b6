/**
 * `--format text`: one line per problem, as compilers write them
 * (`file:line:col: severity code message`), one per fix applied, then a
 * summary. With --fix-dry-run, stdout is only the unified diff (so that it
 * can be piped to `git apply`), and the summary goes to stderr.
 */
import type { FileResult } from '../types';
import { FormatContext, Formatter, summarySentence } from './common';

export function textFormatter(ctx: FormatContext): Formatter {
  return {
    begin: () => '',
    file(r: FileResult): string {
      if (ctx.fix === 'diff') return r.diff ?? '';
      const fixed = (r.changes ?? []).map((c) => `${r.display}:${c.line}:${c.column}: fixed ${c.code}: ${c.title}\n`);
      const problems = r.problems.map(
        (p) => `${r.display}:${p.line}:${p.column}: ${p.severity} ${p.code} ${p.message}\n`,
      );
      return fixed.join('') + problems.join('');
    },
    end(s) {
      if (ctx.quiet) return { out: '' };
      const sentence = summarySentence(s, ctx.fix);
      return ctx.fix === 'diff' ? { out: '', err: sentence } : { out: sentence };
    },
  };
}
