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

startServer(createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self)));
