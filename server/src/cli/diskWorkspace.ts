/**
 * The one adapter between dsm-lint and the service's cross-file checks: the
 * WorkspaceIndex of a command-line run, answered from the disk. A dsm.opt is
 * checked against the --sys file, else the dsm.sys in its folder; an
 * include-exclude file against the dsm.sys of its folder that names it. Each
 * file is read once per thread, synchronously (a command has nothing else to
 * do meanwhile), and the cache is emptied when full, so memory stays flat.
 */
import { readFileSync, statSync } from 'fs';
import { fileURLToPath, pathToFileURL } from 'url';
import type { DsmDocument } from '../parser/types';
import { FileSummary, WorkspaceIndex, namesInclExcl, summarize, sysFor } from '../service/workspaceIndex';
import { MAX_INDEXED_BYTES } from '../session/workspaceModel';
import { decode } from './encoding';

/**
 * The files asked for are those of the folder being checked (the dsm.sys
 * beside a dsm.opt, which the walk gives one after the other and a worker
 * gets in the same batch) or the one --sys file: a few suffice. A summary
 * keeps its file's text alive (its names are slices of it): 1,000 of them
 * made a fleet's memory grow with its size.
 */
const MAX_CACHED = 32;

/** The text of a file, or undefined when there is none to read (the check is then skipped, as in the editor). */
function readText(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    const path = fileURLToPath(uri);
    const st = statSync(path);
    return st.isFile() && st.size <= MAX_INDEXED_BYTES ? decode(readFileSync(path)).text : undefined;
  } catch {
    return undefined;
  }
}

export class DiskWorkspace implements WorkspaceIndex {
  private readonly cache = new Map<string, FileSummary | undefined>();
  /** --sys, as a URI: the dsm.sys every dsm.opt is checked against. */
  private readonly sysUri: string | undefined;

  constructor(
    sysPath: string | undefined,
    private readonly parse: (text: string, uri: string) => DsmDocument,
  ) {
    this.sysUri = sysPath === undefined ? undefined : pathToFileURL(sysPath).href;
  }

  /** A file's summary; with --sys, a dsm.sys asked for is that one. */
  file(uri: string): FileSummary | undefined {
    const target = this.sysUri && /\/dsm\.sys$/i.test(uri) ? this.sysUri : uri;
    if (!this.cache.has(target)) {
      if (this.cache.size >= MAX_CACHED) this.cache.clear();
      // Known as nothing while it is parsed: parsing asks who names it (inclExclOwners), which may be itself.
      this.cache.set(target, undefined);
      const text = readText(target);
      if (text !== undefined) this.cache.set(target, summarize(this.parse(text, target)));
    }
    return this.cache.get(target);
  }

  files(): Iterable<FileSummary> {
    return [...this.cache.values()].filter((s): s is FileSummary => s !== undefined);
  }

  inclExclOwners(uri: string): FileSummary[] {
    const sys = this.file(sysFor(uri));
    return sys && namesInclExcl(sys, uri) ? [sys] : [];
  }
}
