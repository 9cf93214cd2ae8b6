/** dsm-lint's command line: what it accepts, read into LintOptions, or a usage error in a sentence. */
import { availableParallelism, cpus, loadavg } from 'os';
import { parseArgs } from 'util';
import { FORMATS, Format, LEVEL_ORDER, Level, LintOptions } from './types';
import { KINDS, forcedName } from './check';

export const USAGE = `dsm-lint: checks IBM TSM / Spectrum Protect client option files (dsm.sys, dsm.opt).

Usage: dsm-lint [options] <file | folder | -> ...
       dsm-lint show [--stanza NAME] [--defaults] [--format text|json] <file>
                                 every option in effect, and where it comes from (dsm-lint show --help)
       dsm-lint doctor [options]   (can the next scheduled backup of this host run? see doctor --help)

Folders are walked (node_modules and .git skipped) for the files whose names
the checker recognises; files named on the command line are checked whatever
their names. "-" reads standard input.

Options:
  --format, -f <text|json|sarif|github>   output format (default text)
  --fail-on <error|warning|information|hint>
                                 exit 1 when a problem is at least this severe (default warning)
  --kind <kind>                  read every file as this kind: ${KINDS.join(', ')},
                                 or any name the checker recognises (read as if the file were called so)
  --config, -c <file.json>       settings, as the dsm.* settings of the editor
  --sys <dsm.sys>                check each dsm.opt against this dsm.sys (default: the dsm.sys beside it)
  --fix                          apply fixes in place (by default the fix-all set: SCHEDMODE POLLING)
  --fix-code <code,...|all>      with --fix or --diff: apply the preferred fix of these codes instead
  --fix-dry-run, --diff          print the fixes as a unified diff; write nothing
  --stdin-filename <name>        the name of the text read from "-"
  --by-name                      check named files only when their names are recognised (for hooks)
  --no-inline-disable            report everything: dsm-disable comments silence nothing
  --report-unused-disable        report dsm-disable comments that silence nothing (unused-disable)
  --jobs, -j <n>                 threads that check: this one and n - 1 workers (default: one per idle core)
  --quiet, -q                    report only problems at or above --fail-on, and no summary
  --progress, --no-progress      a progress line on the terminal (default: when stdout and stderr are one)
  --version, -v                  print the version
  --help, -h                     print this help

  dsm-lint rule <code>           print the page of a diagnostic code; rule --list lists every code
Which include-exclude statement decides a path (dsm-lint explain --help):
  dsm-lint explain [--stanza NAME] [--operation backup|archive] [--format text|json] <file> <path>...

Exit status: 0 when no problem reaches --fail-on, 1 when one does,
2 on bad usage or a file that could not be read or written (the other files are still checked).
`;

export type Parsed =
  | { kind: 'run'; options: LintOptions }
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'usage-error'; message: string };

const SPEC = {
  format: { type: 'string', short: 'f' },
  'fail-on': { type: 'string' },
  kind: { type: 'string' },
  config: { type: 'string', short: 'c' },
  sys: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-code': { type: 'string', multiple: true },
  'fix-dry-run': { type: 'boolean' },
  diff: { type: 'boolean' },
  'stdin-filename': { type: 'string' },
  'by-name': { type: 'boolean' },
  'no-inline-disable': { type: 'boolean' },
  'report-unused-disable': { type: 'boolean' },
  jobs: { type: 'string', short: 'j' },
  quiet: { type: 'boolean', short: 'q' },
  progress: { type: 'boolean' },
  'no-progress': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
  help: { type: 'boolean', short: 'h' },
} as const;

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T, what: string): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new Error(`${what} must be one of ${allowed.join(', ')} (not "${value}").`);
}

/**
 * One thread per idle core: the cores, less the ones the load average (of
 * the last minute) says are busy, at least one. On a machine already busy a
 * thread beyond the idle cores only adds a worker's start-up and contention:
 * on two cores at load 4, --jobs 2 took longer than --jobs 1 (docs/performance.md).
 * Windows reports no load average (zeros): every core.
 */
export function jobsFor(cores: number, load: number): number {
  return Math.max(1, Math.min(cores, cores - Math.floor(load)));
}

export function defaultJobs(): number {
  const cores = typeof availableParallelism === 'function' ? availableParallelism() : Math.max(1, cpus().length);
  return jobsFor(cores, loadavg()[0]);
}

function jobs(value: string | undefined): number {
  if (value === undefined) return defaultJobs();
  if (!/^\d{1,3}$/.test(value) || Number(value) < 1)
    throw new Error(`--jobs takes a number from 1 to 999 (not "${value}").`);
  return Number(value);
}

function fixCodes(values: string[] | undefined): LintOptions['fixCodes'] {
  if (!values) return undefined;
  const codes = values
    .flatMap((v) => v.split(','))
    .map((c) => c.trim())
    .filter(Boolean);
  return codes.includes('all') ? 'all' : codes;
}

function options(values: ReturnType<typeof read>['values'], inputs: string[]): LintOptions {
  const dryRun = values['fix-dry-run'] || values.diff;
  if (values.fix && dryRun) throw new Error('--fix and --fix-dry-run (--diff) exclude each other.');
  if (values['fix-code'] && !values.fix && !dryRun) throw new Error('--fix-code goes with --fix or --fix-dry-run.');
  if (values['no-inline-disable'] && values['report-unused-disable'])
    throw new Error(
      '--no-inline-disable and --report-unused-disable exclude each other: without inline suppressions none can be unused.',
    );
  if (values.progress && values['no-progress']) throw new Error('--progress and --no-progress exclude each other.');
  const format: Format = oneOf(values.format, FORMATS, 'text', '--format');
  if (dryRun && format !== 'text' && format !== 'json')
    throw new Error('--fix-dry-run prints a diff: use it with --format text or json.');
  if (values.fix && inputs.includes('-'))
    throw new Error('--fix cannot write standard input back: use --fix-dry-run to see the changes.');
  if (inputs.length === 0) throw new Error('no file or folder given (try "dsm-lint ." for the current folder).');
  return {
    inputs,
    stdinFilename: values['stdin-filename'],
    kind: values.kind,
    format,
    failOn: oneOf<Level>(values['fail-on'], LEVEL_ORDER, 'warning', '--fail-on'),
    fix: values.fix ? 'write' : dryRun ? 'diff' : 'none',
    fixCodes: fixCodes(values['fix-code']),
    config: values.config,
    sys: values.sys,
    jobs: jobs(values.jobs),
    quiet: !!values.quiet,
    byName: !!values['by-name'],
    progress: values.progress ? true : values['no-progress'] ? false : undefined,
    lint: { inlineDisable: !values['no-inline-disable'], reportUnusedDisable: !!values['report-unused-disable'] },
  };
}

function read(args: string[]) {
  return parseArgs({ args, options: SPEC, allowPositionals: true, strict: true });
}

export function parseCommandLine(args: string[]): Parsed {
  try {
    const { values, positionals } = read(args);
    if (values.help) return { kind: 'help' };
    if (values.version) return { kind: 'version' };
    if (values.kind !== undefined && !forcedName(values.kind)) {
      throw new Error(
        `--kind ${values.kind} is no kind the checker knows: use ${KINDS.join(', ')}, or a file name it recognises.`,
      );
    }
    return { kind: 'run', options: options(values, positionals) };
  } catch (e) {
    // Node's own message for an unknown option goes on about positionals; the option is what matters.
    const unknown = /^Unknown option '([^']*)'/.exec((e as Error).message);
    return { kind: 'usage-error', message: unknown ? `unknown option ${unknown[1]}.` : (e as Error).message };
  }
}
