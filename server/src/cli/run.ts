/**
 * A dsm-lint run: the command line and the settings are read, then the files
 * stream through the checks (in this thread for a few files, in worker
 * threads for many) and out through the chosen format, in the order they
 * were found. The result is the exit status: 0 when no problem reaches
 * --fail-on, 1 when one does, 2 on bad usage or a file that could not be
 * read or written (every other file is still checked).
 */
import { statSync } from 'fs';
import * as path from 'path';
import pkg from '../../../package.json';
import { USAGE, parseCommandLine } from './args';
import { Checker, settingsForKind } from './check';
import { capYoungGeneration } from './heap';
import { loadSettings } from './config';
import type { Summary } from './formats/common';
import { formatter } from './formats/index';
import { MAX_FILE_BYTES, lintBytes } from './lintFile';
import { show } from './show';
import { WorkerPool, inOrder, safeLint, windowFor } from './pool';
import { ruleCommand } from './ruleCommand';
import { Progress } from './progress';
import { CheckSetup, FileJob, FileResult, LEVEL_ORDER, Level, LintOptions } from './types';
import { WalkItem, walk } from './walk';
import { explainCommand } from './explain';

export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: AsyncIterable<Buffer | string>;
  cwd: string;
  /** The module that worker threads run: dsm-lint's own. */
  workerScript: string;
}

export const TOOL = { name: 'dsm-lint', version: pkg.version, homepage: (pkg as { homepage?: string }).homepage };

/**
 * Below this many files the run stays in one thread: each worker costs about
 * 150 ms of start-up (the bundle, the option table, a cold JIT) and a file
 * about 0.3 ms, so two workers repay themselves from about a thousand files.
 */
export const THREADS_FROM = 1000;

type Source = WalkItem | { stdin: true };

interface Engine {
  check(source: Source): Promise<FileResult>;
  close(): Promise<void>;
}

function write(stream: NodeJS.WritableStream, text: string | undefined): Promise<void> {
  if (!text) return Promise.resolve();
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once('drain', () => resolve()));
}

async function* sources(options: LintOptions): AsyncGenerator<Source> {
  for (const input of options.inputs) {
    if (input === '-') yield { stdin: true };
    else yield* walk([input], options.byName);
  }
}

async function readStdin(io: Io, options: LintOptions, setup: CheckSetup, checker: () => Checker): Promise<FileResult> {
  const display = options.stdinFilename ?? '<stdin>';
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += b.length;
    if (size > MAX_FILE_BYTES)
      return {
        display,
        problems: [],
        error: `not checked: standard input is larger than ${MAX_FILE_BYTES / 1024 / 1024} MiB.`,
      };
    chunks.push(b);
  }
  return lintBytes(
    Buffer.concat(chunks),
    { path: options.stdinFilename, display, explicit: true, stdin: true },
    checker(),
    setup,
  );
}

/** This thread, joined by --jobs - 1 workers when there are many files (or could be: the walk has not ended). */
function engine(options: LintOptions, setup: CheckSetup, io: Io, manyFiles: boolean): Engine {
  let local: Checker | undefined;
  const checker = () => (local ??= new Checker(setup));
  const pool =
    options.jobs > 1 && manyFiles
      ? new WorkerPool(io.workerScript, setup, options.jobs - 1, (job) => safeLint(job, checker(), setup))
      : undefined;
  let checked = 0;
  const checkHere = (job: FileJob) => {
    if (++checked % 64 === 0) capYoungGeneration();
    return safeLint(job, checker(), setup);
  };
  const checkFile = (job: FileJob) => (pool ? pool.check(job) : Promise.resolve(checkHere(job)));
  return {
    check(source) {
      if ('stdin' in source) return readStdin(io, options, setup, checker);
      if ('error' in source) return Promise.resolve({ display: source.display, problems: [], error: source.error });
      return checkFile(source);
    },
    close: async () => pool?.close(),
  };
}

/** The first n items, and the rest still to come. */
async function peek<T>(items: AsyncIterator<T>, n: number): Promise<{ head: T[]; done: boolean }> {
  const head: T[] = [];
  while (head.length < n) {
    const next = await items.next();
    if (next.done) return { head, done: true };
    head.push(next.value);
  }
  return { head, done: false };
}

async function* chain<T>(head: T[], rest: AsyncIterator<T>): AsyncGenerator<T> {
  yield* head;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

const atLeast = (level: Level, threshold: Level) => LEVEL_ORDER.indexOf(level) <= LEVEL_ORDER.indexOf(threshold);

/** What goes to stderr for a file, whatever the format: why it could not be checked or written, notes, and (in SARIF, which has no place for them) the fixes. */
function messages(r: FileResult, options: LintOptions): string {
  const lines = [...(r.error ? [r.error] : []), ...(r.notes ?? [])].map((m) => `dsm-lint: ${r.display}: ${m}\n`);
  if (options.format === 'sarif' && options.fix === 'write') {
    for (const c of r.changes ?? []) lines.push(`${r.display}:${c.line}:${c.column}: fixed ${c.code}: ${c.title}\n`);
  }
  return lines.join('');
}

interface Tally extends Summary {
  /** A problem reached --fail-on. */
  failing: boolean;
}

async function report(
  results: AsyncIterable<FileResult>,
  options: LintOptions,
  file: (r: FileResult) => string,
  io: Io,
  progress: Progress,
): Promise<Tally> {
  const tally: Tally = {
    files: 0,
    failed: 0,
    counts: { error: 0, warning: 0, information: 0, hint: 0 },
    fixes: 0,
    fixedFiles: 0,
    failing: false,
  };
  for await (const r of results) {
    tally.files++;
    if (r.error) tally.failed++;
    if (r.changes?.length) {
      tally.fixes += r.changes.length;
      tally.fixedFiles++;
    }
    tally.failing ||= r.problems.some((p) => atLeast(p.severity, options.failOn));
    const shown = options.quiet ? { ...r, problems: r.problems.filter((p) => atLeast(p.severity, options.failOn)) } : r;
    for (const p of shown.problems) tally.counts[p.severity]++;
    progress.clear();
    await write(io.stderr, messages(shown, options));
    await write(io.stdout, file(shown));
    progress.update(tally.files, r.display);
  }
  progress.clear();
  return tally;
}

/** The settings and the --sys file, checked before any file is; a message when the run cannot start. */
function prepare(options: LintOptions, io: Io): { setup: CheckSetup; problems: string[] } | { error: string } {
  const loaded = loadSettings(options.config);
  if ('error' in loaded) return loaded;
  const sys = options.sys === undefined ? undefined : path.resolve(io.cwd, options.sys);
  if (sys !== undefined && !statSync(sys, { throwIfNoEntry: false })?.isFile())
    return { error: `--sys ${options.sys}: there is no such file to read.` };
  const setup: CheckSetup = {
    settings: settingsForKind(loaded.settings, options.kind),
    kind: options.kind,
    fix: options.fix,
    fixCodes: options.fixCodes,
    sys,
    lint: options.lint,
  };
  return { setup, problems: loaded.problems.map((p) => `--config ${options.config}: ${p}`) };
}

async function lint(options: LintOptions, io: Io): Promise<number> {
  const prepared = prepare(options, io);
  if ('error' in prepared) return write(io.stderr, `dsm-lint: ${prepared.error}\n`).then(() => 2);
  await write(io.stderr, prepared.problems.map((p) => `dsm-lint: ${p}\n`).join(''));
  const fmt = formatter(options.format, { cwd: io.cwd, tool: TOOL, fix: options.fix, quiet: options.quiet });
  const items = sources(options)[Symbol.asyncIterator]();
  const { head, done } = await peek(items, THREADS_FROM);
  const checks = engine(options, prepared.setup, io, !done);
  const terminal = !!(io.stdout.isTTY && io.stderr.isTTY);
  const progress = new Progress(
    (options.progress ?? terminal) ? io.stderr : undefined,
    options.progress ? 0 : undefined,
  );
  let tally: Tally;
  try {
    await write(io.stdout, fmt.begin());
    tally = await report(
      inOrder(chain(head, items), (s) => checks.check(s), windowFor(options.jobs)),
      options,
      (r) => fmt.file(r),
      io,
      progress,
    );
  } finally {
    await checks.close();
  }
  const end = fmt.end(tally);
  await write(io.stdout, end.out);
  await write(io.stderr, end.err);
  if (tally.files === 0 && !options.byName)
    await write(io.stderr, 'dsm-lint: no option file found in the paths given.\n');
  return tally.failed || prepared.problems.length ? 2 : tally.failing ? 1 : 0;
}

export async function run(args: string[], io: Io): Promise<number> {
  if (args[0] === 'show') return show(args.slice(1), io);
  // `dsm-lint rule ...`: a rule's page, or the list of codes (a file named "rule" is checked as ./rule).
  if (args[0] === 'rule') {
    const r = ruleCommand(args.slice(1));
    await write(io.stdout, r.out);
    await write(io.stderr, r.err);
    return r.status;
  }
  if (args[0] === 'explain') return explainCommand(args.slice(1), io);
  const parsed = parseCommandLine(args);
  switch (parsed.kind) {
    case 'help':
      return write(io.stdout, USAGE).then(() => 0);
    case 'version':
      return write(io.stdout, `${TOOL.name} ${TOOL.version}\n`).then(() => 0);
    case 'usage-error':
      return write(io.stderr, `dsm-lint: ${parsed.message}\nRun "dsm-lint --help" for the options.\n`).then(() => 2);
    default:
      return lint(parsed.options, io);
  }
}
