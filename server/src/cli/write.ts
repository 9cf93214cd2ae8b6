/**
 * Writing a fixed file without ever leaving it half written or writing over
 * someone else's change: the new bytes go to a temporary file in the same
 * folder, with the file's mode and owner, and are renamed over the file only
 * if it still holds exactly what was read. A symlink is followed: its target
 * is replaced, the link stays. (A hard link is not kept: the rename gives
 * the name a new file.)
 */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: 'it no longer exists',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted (an immutable file or folder?)',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EISDIR: 'it is a folder',
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  return (code && REASONS[code]) ?? (e as Error).message;
}

/** A file that could not be written; its message says why, in a sentence. */
export class WriteError extends Error {}

function stillTheSame(target: string, original: Uint8Array): void {
  let now: Buffer;
  try {
    now = fs.readFileSync(target);
  } catch (e) {
    throw new WriteError(
      `not written: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'it vanished while dsm-lint was fixing it' : reason(e)}.`,
    );
  }
  if (!now.equals(original)) throw new WriteError('not written: it changed on disk while dsm-lint was fixing it.');
}

function writeTemporary(target: string, bytes: Uint8Array, st: fs.Stats): string {
  const folder = path.dirname(target);
  const tmp = path.join(
    folder,
    `.${path.basename(target)}.dsm-lint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`,
  );
  let fd: number;
  try {
    fd = fs.openSync(tmp, 'wx', st.mode & 0o7777);
  } catch (e) {
    throw new WriteError(
      `not written: no temporary file can be made in its folder ${folder} (${reason(e)}); dsm-lint writes one there, then renames it over the file.`,
    );
  }
  try {
    fs.writeFileSync(fd, bytes);
    fs.fchmodSync(fd, st.mode & 0o7777);
    try {
      fs.fchownSync(fd, st.uid, st.gid);
    } catch {
      // Only root may give a file to another owner: the new file is then the runner's, as any editor would leave it.
    }
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw new WriteError(`not written: ${reason(e)}.`);
  }
  fs.closeSync(fd);
  return tmp;
}

/** Replaces the file's bytes `original` by `bytes`, atomically; throws a WriteError, leaving the file as it was, when it cannot. */
export function writeAtomic(file: string, original: Uint8Array, bytes: Uint8Array): void {
  let target: string;
  let st: fs.Stats;
  try {
    target = fs.realpathSync(file);
    st = fs.statSync(target);
    fs.accessSync(target, fs.constants.W_OK);
  } catch (e) {
    throw new WriteError(`not written: ${reason(e)}.`);
  }
  const tmp = writeTemporary(target, bytes, st);
  try {
    stillTheSame(target, original);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e instanceof WriteError ? e : new WriteError(`not written: ${reason(e)}.`);
  }
  try {
    const dir = fs.openSync(path.dirname(target), 'r');
    fs.fsyncSync(dir);
    fs.closeSync(dir);
  } catch {
    // The rename is done; syncing the folder only hastens it to the disk, where the platform allows.
  }
}
