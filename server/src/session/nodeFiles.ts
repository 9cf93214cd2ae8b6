/** The FileReader of the Node server: file: URIs, read from the disk without blocking. */
import { promises as fs } from 'fs';
import { fileURLToPath } from 'url';
import type { FileReader } from './files';

export const nodeFiles: FileReader = {
  async read(uri, maxBytes) {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const path = fileURLToPath(uri);
      const stat = await fs.stat(path);
      if (!stat.isFile() || stat.size > maxBytes) return undefined;
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  },
};
