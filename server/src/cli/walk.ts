/**
 * The files to check, from the command line's paths, one at a time (a
 * generator: a fleet's thousands of files are never listed in memory; the
 * calls are synchronous, which keeps the walk off the busy thread pool and
 * costs the main thread microseconds per folder). A
 * file named is checked whatever its name (with --by-name, only if the name
 * is recognised); a folder is walked, in name order, for the files that the
 * shared detection (parser/fileKind.ts) recognises by name. node_modules and
 * .git are skipped; links to files are followed, links to folders are not
 * (no loops).
 */
import * as fs from 'fs';
import * as path from 'path';
import { isOptionFileName } from '../parser/fileKind';
import type { FileJob } from './types';

export const SKIPPED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', '.git']);

/** A file to check, or a folder that could not be read. */
export type WalkItem = FileJob | { display: string; error: string };

const recognised = (name: string) => isOptionFileName(name);

function isFile(full: string, entry: fs.Dirent): boolean {
  if (entry.isFile()) return true;
  return entry.isSymbolicLink() && !!fs.statSync(full, { throwIfNoEntry: false })?.isFile();
}

function* folder(dir: string): Generator<WalkItem> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    yield { display: dir, error: `cannot read this folder: ${(e as Error).message}.` };
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield* folder(full);
    } else if (recognised(entry.name) && isFile(full, entry)) {
      yield { path: full, display: full, explicit: false };
    }
  }
}

/** Every input but `-` (standard input, which the caller reads). */
export function* walk(inputs: readonly string[], byName: boolean): Generator<WalkItem> {
  for (const input of inputs) {
    if (input === '-') continue;
    if (fs.statSync(input, { throwIfNoEntry: false })?.isDirectory()) yield* folder(input);
    // With --by-name the files come from a tool (a pre-commit hook), not from the user: treated as if found in a folder.
    else if (!byName || recognised(input)) yield { path: input, display: input, explicit: !byName };
  }
}
