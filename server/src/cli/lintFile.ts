/**
 * One file, from its bytes to its FileResult: decoded, checked, and with
 * --fix fixed and written back (with --fix-dry-run, diffed). The same in the
 * main thread and in a worker. A file that cannot be read, checked or written
 * gives a result with an `error`, never an exception.
 */
import * as fs from 'fs';
import type { Checker } from './check';
import { unifiedDiff } from './diff';
import { decode, encode, whyNotWritable } from './encoding';
import { MAX_FIX_PASSES, fixText } from './fixer';
import type { CheckSetup, FileJob, FileResult } from './types';
import { WriteError, writeAtomic } from './write';

/** Larger files are not read: an option file is a few hundred kilobytes at most; 64 MiB is a mistake. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const BOM = '\uFEFF';

function failed(display: string, error: string): FileResult {
  return { display, problems: [], error };
}

/** Reads a file named by a job, then checks it. */
export function lintFile(job: FileJob, checker: Checker, setup: CheckSetup): FileResult {
  let bytes: Buffer;
  let fd: number | undefined;
  try {
    fd = fs.openSync(job.path, 'r');
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return failed(job.display, 'cannot read it: it is not a regular file.');
    if (st.size > MAX_FILE_BYTES)
      return failed(job.display, `not checked: it is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB.`);
    bytes = fs.readFileSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return failed(
      job.display,
      `cannot read it: ${code === 'ENOENT' ? 'no such file or folder' : (e as Error).message}.`,
    );
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return lintBytes(bytes, job, checker, setup);
}

/** Checks bytes read from `job.path` (or from standard input, named by `job.path` or not, and never written back). */
export function lintBytes(
  bytes: Buffer,
  job: { path?: string; display: string; explicit: boolean; stdin?: boolean },
  checker: Checker,
  setup: CheckSetup,
): FileResult {
  const decoded = decode(bytes);
  if (decoded.binary) {
    const why =
      'not checked: it holds NUL bytes, so it is not a text file dsm-lint can read (UTF-16 needs a byte order mark).';
    return job.explicit ? failed(job.display, why) : { display: job.display, problems: [], notes: [why] };
  }
  const uri = checker.uriFor(job.path);
  const notes = decoded.encoding ? undefined : ['read as Latin-1: it is not valid UTF-8.'];
  const problems = () => checker.problems(decoded.text, uri);
  if (setup.fix === 'none') return { display: job.display, problems: problems(), notes };

  const fixed = fixText(checker.service, decoded.text, uri, setup.fixCodes);
  if (!fixed.stable)
    return {
      display: job.display,
      problems: problems(),
      error: `not fixed: the fixes still changed the text after ${MAX_FIX_PASSES} passes.`,
    };
  if (!fixed.changes.length) return { display: job.display, problems: problems(), notes };
  if (setup.fix === 'diff') {
    const bom = decoded.bom ? BOM : '';
    const diff = unifiedDiff(bom + decoded.text, bom + fixed.text, job.display.split('\\').join('/'));
    return { display: job.display, problems: problems(), changes: fixed.changes, diff, notes };
  }
  const unwritable = whyNotWritable(bytes, decoded);
  if (unwritable || !decoded.encoding || job.path === undefined || job.stdin)
    return {
      display: job.display,
      problems: problems(),
      error: `not fixed: ${unwritable ?? 'standard input is not written back'}.`,
    };
  try {
    writeAtomic(job.path, bytes, encode(fixed.text, decoded.encoding, decoded.bom));
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    return { display: job.display, problems: problems(), error: e.message };
  }
  return { display: job.display, problems: checker.problems(fixed.text, uri), changes: fixed.changes, notes };
}
