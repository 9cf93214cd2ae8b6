/**
 * `--format github`: GitHub Actions workflow commands, which GitHub shows as
 * annotations on the lines of the pull request:
 * `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
 * Values are escaped as the Actions toolkit escapes them.
 */
import type { FileResult, Level } from '../types';
import { FormatContext, Formatter, summarySentence } from './common';

const COMMAND: Record<Level, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** A message: %, CR and LF escaped. */
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value: also `:` and `,`, which separate properties. */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function command(name: string, props: Record<string, string | number>, message: string): string {
  const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
  return `::${name} ${list.join(',')}::${escapeData(message)}\n`;
}

export function githubFormatter(ctx: FormatContext): Formatter {
  return {
    begin: () => '',
    file(r: FileResult): string {
      const file = r.display.split('\\').join('/');
      let out = r.error ? command('error', { file, title: 'dsm-lint' }, r.error) : '';
      for (const c of r.changes ?? [])
        out += command('notice', { file, line: c.line, col: c.column, title: `dsm ${c.code} fixed` }, c.title);
      for (const p of r.problems) {
        // GitHub's endColumn is the last column of the range (inclusive); ours is the one after it.
        const props = {
          file,
          line: p.line,
          endLine: p.endLine,
          col: p.column,
          endColumn: Math.max(p.column, p.endColumn - 1),
          title: `dsm ${p.code}`,
        };
        out += command(COMMAND[p.severity], props, p.message);
      }
      return out;
    },
    end: (s) => ({ out: ctx.quiet ? '' : summarySentence(s, ctx.fix) }),
  };
}
