/**
 * dsm.testConnection in VS Code on the desktop (the web has no TCP): the
 * target comes from the code lens, or, from the palette, from the lens of the
 * stanza at the cursor; the connection is made here, in the extension host,
 * by connectionTest.ts. The language server never opens a connection.
 */
import * as os from 'os';
import { ProgressLocation, window } from 'vscode';
import { COMMANDS } from '../../server/src/service/codes';
import { lensArguments } from './common';
import { ProbeResult, Target, describeResult, probe } from './connectionTest';

/** How long "Test connection" waits for the server, name look-up included. */
export const CONNECTION_TIMEOUT_MS = 5000;

function isTarget(t: unknown): t is Target {
  const { address, port, label } = (t ?? {}) as Partial<Target>;
  return (
    typeof address === 'string' &&
    address.length > 0 &&
    Number.isInteger(port) &&
    port! >= 1 &&
    port! <= 65535 &&
    typeof label === 'string'
  );
}

/** One TCP connection from the machine the extension host runs on, reported in a message. Returns the result (the tests read it). */
export async function testConnection(...args: unknown[]): Promise<ProbeResult | undefined> {
  const target = isTarget(args[0]) ? args[0] : (await lensArguments(COMMANDS.testConnection))?.[0];
  if (!isTarget(target)) return undefined;
  const result = await window.withProgress(
    { location: ProgressLocation.Notification, title: `Connecting to ${target.address}:${target.port}…` },
    () => probe(target.address, target.port, { timeoutMs: CONNECTION_TIMEOUT_MS }),
  );
  const { ok, message } = describeResult(result, target, os.hostname());
  void (ok ? window.showInformationMessage(message) : window.showWarningMessage(message));
  return result;
}
