/**
 * The `dsm-lint` command (dist/dsm-lint.js). In the main thread it runs the
 * command line; in a worker thread (this same file, started by the pool) it
 * checks the files it is sent.
 */
import { isMainThread } from 'worker_threads';
import { keepHeapSmall } from './heap';
import { serveWorker } from './pool';
import { run } from './run';
import { runDoctor } from './doctor/index';

function main(): void {
  keepHeapSmall();
  // A reader that stops early (`dsm-lint . | head`) is no error of the run.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? 0);
  });
  const io = {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    workerScript: __filename,
  };
  const args = process.argv.slice(2);
  // `dsm-lint doctor`: the host check (a file named doctor is checked with `dsm-lint ./doctor`).
  const command = args[0] === 'doctor' ? runDoctor(args.slice(1), { ...io, env: process.env }) : run(args, io);
  command.then(
    (code) => (process.exitCode = code),
    (e: Error) => {
      process.stderr.write(`dsm-lint: internal error: ${e.stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}

if (isMainThread) main();
else serveWorker();
