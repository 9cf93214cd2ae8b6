/** The FileReader of the Node server: file: URIs, read from the disk without blocking, decoded as everywhere else (util/decode.ts). */
import { promises as fs } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import type { FileReader } from './files';
import { decodeText } from '../util/decode';
import { namesRegExp } from '../util/globs';

/** A walk of a workspace folder stops after this many folders, or this deep: a home directory opened as a folder must not keep the server busy. */
const MAX_FOLDERS_WALKED = 20000;
const MAX_DEPTH = 16;
/** Folders never walked: dependencies and version control. */
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);

function localPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** Breadth first, symbolic links not followed, within the limits above. */
async function walk(root: string, names: RegExp, max: number): Promise<string[]> {
  const found: string[] = [];
  const queue: { dir: string; depth: number }[] = [{ dir: root, depth: 0 }];
  for (let walked = 0; queue.length && walked < MAX_FOLDERS_WALKED && found.length < max; walked++) {
    const { dir, depth } = queue.shift()!;
    const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH && !SKIPPED_FOLDERS.has(e.name))
        queue.push({ dir: full, depth: depth + 1 });
      else if (e.isFile() && names.test(e.name) && found.length < max) found.push(pathToFileURL(full).href);
    }
  }
  return found;
}

export const nodeFiles: FileReader = {
  async read(uri, maxBytes) {
    const file = localPath(uri);
    if (file === undefined) return undefined;
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile() || stat.size > maxBytes) return undefined;
      return decodeText(await fs.readFile(file));
    } catch {
      return undefined;
    }
  },

  async find(folderUri, names, max) {
    const root = localPath(folderUri);
    return root === undefined || max <= 0 ? [] : walk(root, namesRegExp(names), max);
  },

  async exists(uri) {
    const file = localPath(uri);
    if (file === undefined) return false;
    return fs.stat(file).then(
      () => true,
      () => false,
    );
  },
};
