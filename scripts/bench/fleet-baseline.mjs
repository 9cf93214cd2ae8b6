// The bare baseline of the fleet benchmark: a plain Node script that walks
// the same folders, reads every file and splits it into lines, as fast as
// Node does it, and prints nothing but the number of lines.
import fs from 'node:fs';
import path from 'node:path';

let lines = 0;
function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) walk(full);
    else if (e.isFile()) lines += fs.readFileSync(full, 'utf8').split(/\r?\n/).length;
  }
}
walk(process.argv[2]);
process.stdout.write(`${lines}\n`);
