/** `dsm-lint doctor`'s command line, read into DoctorOptions, or a usage error in a sentence. */
import { parseArgs } from 'util';
import type { DoctorOptions } from './types';

export const DOCTOR_USAGE = `dsm-lint doctor: checks that the next scheduled backup of this host can run.

Usage: dsm-lint doctor [options]

It finds the option files where the client does (DSM_DIR, DSM_CONFIG, the
install directories), checks them as dsm-lint does, then looks at the
scheduler (dsmcad or dsmc schedule) and when it started, the server's port,
the stored password and the tails of the schedule and error logs.

Options:
  --format, -f <text|json>   output format (default text)
  --root <dir>               read a copy of a machine's file tree: every path is read under <dir>
                             (the processes and the network are still this host's)
  --timeout <seconds>        for each connection to a server (default 5)
  --no-network               do not connect to the servers
  --max-age <days>           report when no scheduled backup completed in this many days (default 2)
  --help, -h                 print this help

Exit status: 0 when the next backup can run, 1 when something stops it, 2 on bad usage.
`;

export type DoctorParsed =
  { kind: 'run'; options: DoctorOptions } | { kind: 'help' } | { kind: 'usage-error'; message: string };

function positiveNumber(value: string | undefined, fallback: number, what: string, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(n > 0) || n > max)
    throw new Error(`${what} takes a number above 0 and at most ${max} (not "${value}").`);
  return n;
}

export function parseDoctorArgs(args: string[]): DoctorParsed {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        root: { type: 'string' },
        timeout: { type: 'string' },
        'no-network': { type: 'boolean' },
        'max-age': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { kind: 'help' };
    if (positionals.length)
      throw new Error(
        `doctor takes no file names (got "${positionals[0]}"): it finds the option files itself; use --root for a copy.`,
      );
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new Error(`--format must be text or json for doctor (not "${format}").`);
    if (values.root === '') throw new Error('--root needs a folder.');
    return {
      kind: 'run',
      options: {
        root: values.root,
        format,
        timeout: positiveNumber(values.timeout, 5, '--timeout', 600),
        network: !values['no-network'],
        maxAge: positiveNumber(values['max-age'], 2, '--max-age', 3650),
      },
    };
  } catch (e) {
    const unknown = /^Unknown option '([^']*)'/.exec((e as Error).message);
    return {
      kind: 'usage-error',
      message: unknown ? `unknown option ${unknown[1]} for doctor.` : (e as Error).message,
    };
  }
}
