// Preloaded into dsm-lint by a test (NODE_OPTIONS=--require): each worker
// thread adds a line to the file named by DSM_TEST_THREADS, so the test can
// tell that the run was spread over threads. Not part of dsm-lint.
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload, loaded with --require */
const { isMainThread } = require('node:worker_threads');
if (!isMainThread && process.env.DSM_TEST_THREADS) require('node:fs').appendFileSync(process.env.DSM_TEST_THREADS, 'worker\n');
