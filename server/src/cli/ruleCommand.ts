/**
 * `dsm-lint rule <code>` prints the code's rule page; `dsm-lint rule --list`
 * lists every code with its one-line summary (from CODES, as SARIF and the
 * README say them). An unknown code is a usage error (exit 2).
 */
import { CODES, Code } from '../service/codes';
import { rulePageText } from './rulePages';

export const RULE_USAGE = `Usage: dsm-lint rule <code>     print the page of a diagnostic code
       dsm-lint rule --list     list every code with its one-line summary
`;

export interface CommandResult {
  out?: string;
  err?: string;
  status: number;
}

/** Every code and its summary, one a line, the summaries aligned. */
export function ruleList(): string {
  const codes = Object.keys(CODES) as Code[];
  const width = Math.max(...codes.map((c) => c.length));
  return codes.map((c) => `${c.padEnd(width)}  ${CODES[c].summary}\n`).join('');
}

export function ruleCommand(args: readonly string[]): CommandResult {
  if (args.length === 1 && (args[0] === '--help' || args[0] === '-h')) return { out: RULE_USAGE, status: 0 };
  if (args.length === 1 && args[0] === '--list') return { out: ruleList(), status: 0 };
  if (args.length !== 1 || args[0].startsWith('-')) {
    return { err: `dsm-lint: rule takes one code, or --list.\n${RULE_USAGE}`, status: 2 };
  }
  const page = rulePageText(args[0]);
  if (page === undefined) {
    return {
      err: `dsm-lint: there is no rule ${JSON.stringify(args[0])}. Run "dsm-lint rule --list" for the codes.\n`,
      status: 2,
    };
  }
  return { out: page.endsWith('\n') ? page : page + '\n', status: 0 };
}
