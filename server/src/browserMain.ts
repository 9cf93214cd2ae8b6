/**
 * The language server in a web worker (vscode.dev, github.dev):
 * dist/browser/server.js. The same DsmServer as on Node, on messages posted
 * to and from the worker. It has no disk: files that are not open are read
 * through the client (dsm/readFile), which the VS Code client always offers.
 */
/// <reference lib="webworker" />
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer } from './server';

declare const self: DedicatedWorkerGlobalScope;

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
// Last resort, as on Node: every handler catches its own errors, so these are bugs. They are logged and
// handled here, or they would reach the client as an error of the connection, which stops the client.
self.addEventListener('error', (e) => {
  connection.console.error(`dsm: unexpected error: ${(e.error as Error)?.stack ?? e.message}`);
  e.preventDefault();
});
self.addEventListener('unhandledrejection', (e) => {
  connection.console.error(`dsm: unexpected error: ${(e.reason as Error)?.stack ?? e.reason}`);
  e.preventDefault();
});
startServer(connection);
