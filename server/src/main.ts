/**
 * The `dsm-language-server` command (dist/server.js): reads its arguments,
 * opens the transport the editor asked for, and serves. Everything else is
 * in server.ts.
 */
import { ProposedFeatures, createConnection } from 'vscode-languageserver/node';
import { DEFAULT_DEBOUNCE_MS, SERVER_INFO, startServer } from './server';
import { nodeFiles } from './session/nodeFiles';

const TRANSPORTS = ['--stdio', '--node-ipc', '--socket', '--pipe'];

const USAGE =
  'dsm-language-server: a language server for IBM TSM / Spectrum Protect client option files (dsm.sys, dsm.opt).\n' +
  'Usage: dsm-language-server --stdio   (or --node-ipc, --socket=<port>, --pipe=<name>)\n';

/**
 * DSM_LS_DEBOUNCE_MS (0 to 10000) sets how long typing must pause before a
 * change is checked; the benchmarks set 0 to time a change's checking without
 * the wait. Anything else is ignored.
 */
function debounceFromEnvironment(value: string | undefined, fallback: number): number {
  if (value === undefined || !/^\d{1,5}$/.test(value.trim())) return fallback;
  return Math.min(Number(value), 10000);
}

function main(args: string[]): void {
  if (args.includes('--version')) {
    process.stdout.write(`${SERVER_INFO.name} ${SERVER_INFO.version}\n`);
    return;
  }
  if (args.includes('--help') || !args.some((a) => TRANSPORTS.some((t) => a === t || a.startsWith(t + '=')))) {
    process.stderr.write(USAGE);
    process.exitCode = args.includes('--help') ? 0 : 2;
    return;
  }
  const connection = createConnection(ProposedFeatures.all);
  // Last resort: every handler catches its own errors, so these are bugs; they are logged, and the server stays up.
  process.on('uncaughtException', (e) => connection.console.error(`dsm: unexpected error: ${e.stack ?? e}`));
  process.on('unhandledRejection', (e) =>
    connection.console.error(`dsm: unexpected error: ${(e as Error)?.stack ?? e}`),
  );
  startServer(connection, {
    files: nodeFiles,
    debounceMs: debounceFromEnvironment(process.env.DSM_LS_DEBOUNCE_MS, DEFAULT_DEBOUNCE_MS),
  });
}

main(process.argv.slice(2));
