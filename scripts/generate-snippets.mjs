// Writes snippets/dsm.code-snippets from the built-in server catalog (run after `tsc -p .`).
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { snippetFileText } = require('../out/server/src/model/snippetFile.js');
writeFileSync(new URL('../snippets/dsm.code-snippets', import.meta.url), snippetFileText());
console.log('wrote snippets/dsm.code-snippets');
