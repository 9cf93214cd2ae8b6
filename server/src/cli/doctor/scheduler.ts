/**
 * Is a scheduler running on this host, and since when? Read from /proc
 * (Linux) without running any program: each process's command line
 * (/proc/<pid>/cmdline), its start in clock ticks after boot (field 22 of
 * /proc/<pid>/stat) and the boot time (btime in /proc/stat).
 *
 * Two kinds (IBM, "Comparison between client acceptor-managed services and
 * traditional scheduler services",
 * https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.7/client/c_cfg_sch_compare.html):
 * - the client acceptor, `dsmcad`: "Client options and IBM Spectrum Protect server override options are
 *   refreshed each time the client acceptor services start a scheduled backup";
 * - the traditional scheduler, `dsmc schedule`: "Client options and IBM Spectrum Protect server override
 *   options are only processed after dsmc sched is started" and "You must restart the scheduler process
 *   for updated client options to take effect."
 * The page does not list the options the acceptor reads for itself at its own start (which services it
 * manages, MANAGEDSERVICES; in prompted mode it is the acceptor the server calls, per
 * https://www.ibm.com/docs/en/spectrum-protect/8.1.7?topic=reference-managedservices). So a change after
 * the acceptor started is reported as a restart to make, as a warning, saying that IBM does not list them.
 */
import { readFileSync, readdirSync } from 'fs';
import * as path from 'path';

export interface SchedulerProcess {
  kind: 'dsmcad' | 'dsmc';
  pid: number;
  started: Date;
  argv: string[];
  /** -optfile=... on its command line: the options file it reads instead of dsm.opt. */
  optfile?: string;
  /** -servername=... on its command line. */
  servername?: string;
}

/** `dsmc schedule`, `dsmc sched`, ... (the command's minimum abbreviation is SCHedule). */
const SCHEDULE = /^-?sch(e(d(u(l(e)?)?)?)?)?$/i;

function read(p: string): string | undefined {
  try {
    return readFileSync(p, 'latin1');
  } catch {
    return undefined;
  }
}

/** The boot time, in milliseconds since 1970. */
export function bootTime(): number | undefined {
  const m = /^btime\s+(\d+)$/m.exec(read('/proc/stat') ?? '');
  return m ? Number(m[1]) * 1000 : undefined;
}

/** The start of a process in clock ticks after boot (field 22 of /proc/<pid>/stat; the name, field 2, may hold blanks and parentheses). */
function startTicks(pid: number | 'self'): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[19]);
  return Number.isFinite(ticks) ? ticks : undefined;
}

/**
 * Clock ticks per second (USER_HZ): 100 on the common Linux architectures. Checked against this very
 * process, whose start is known (performance.timeOrigin), rather than asked of `getconf`.
 */
export function ticksPerSecond(boot: number): number {
  const self = startTicks('self');
  const since = (performance.timeOrigin - boot) / 1000;
  if (self === undefined || since < 30) return 100;
  const estimate = self / since;
  return [100, 250, 300, 1000, 1024].reduce(
    (best, hz) => (Math.abs(hz - estimate) < Math.abs(best - estimate) ? hz : best),
    100,
  );
}

function optionValue(argv: string[], name: RegExp): string | undefined {
  for (const a of argv) {
    const m = /^-([a-z]+)=(.*)$/i.exec(a);
    if (m && name.test(m[1])) return m[2];
  }
  return undefined;
}

/** What a command line is: a scheduler, or not. */
export function schedulerKind(argv: string[], comm: string): SchedulerProcess['kind'] | undefined {
  const name = path.basename(argv[0] ?? '');
  if (name === 'dsmcad' || comm === 'dsmcad') return 'dsmcad';
  if ((name === 'dsmc' || comm === 'dsmc') && argv.slice(1).some((a) => SCHEDULE.test(a))) return 'dsmc';
  return undefined;
}

/** The schedulers running on this host, the most recently started first; undefined where /proc cannot be read. */
export function findSchedulers(): SchedulerProcess[] | undefined {
  const boot = bootTime();
  if (boot === undefined) return undefined;
  const hz = ticksPerSecond(boot);
  const found: SchedulerProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const cmdline = read(`/proc/${pid}/cmdline`);
    if (!cmdline) continue;
    const argv = cmdline.replace(/\0$/, '').split('\0');
    const kind = schedulerKind(argv, (read(`/proc/${pid}/comm`) ?? '').trim());
    if (!kind) continue;
    const ticks = startTicks(pid);
    if (ticks === undefined) continue;
    found.push({
      kind,
      pid,
      started: new Date(boot + (ticks * 1000) / hz),
      argv,
      optfile: optionValue(argv, /^optf(i(l(e)?)?)?$/i),
      servername: optionValue(argv, /^se(r(v(e(r(n(a(m(e)?)?)?)?)?)?)?)?$/i),
    });
  }
  return found.sort((a, b) => b.started.getTime() - a.started.getTime());
}
