/**
 * How the server reads files that are not open in the editor. The session
 * takes a FileReader; on Node it reads the disk, and a client that serves
 * files itself (a browser, a virtual workspace) can answer instead.
 */
import { READ_FILE_REQUEST, ReadFileParams, ReadFileResult } from '../protocol';

export interface FileReader {
  /** The text of a file, or undefined when it does not exist, is not a regular file, or is larger than maxBytes. Never rejects. */
  read(uri: string, maxBytes: number): Promise<string | undefined>;
}

/** Reads nothing: for a session that has no files besides the open documents. */
export const NO_FILES: FileReader = { read: async () => undefined };

/** The same URI, spelt as editors spell it (VS Code encodes `:` in drive letters, others do not). */
export function sameUri(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    return decodeURIComponent(a) === decodeURIComponent(b);
  } catch {
    return false;
  }
}

/** The URI of a file in the same folder as another. */
export function siblingUri(uri: string, name: string): string {
  const path = uri.replace(/[?#].*$/, '');
  return path.slice(0, path.lastIndexOf('/') + 1) + name;
}

/** How the server sends a request to the client (a part of the connection, so that this module needs none). */
export type SendRequest = (method: string, params: unknown) => Promise<unknown>;

/**
 * Files read through the client: the custom request dsm/readFile, which the
 * VS Code client answers with vscode.workspace.fs. One path for the desktop,
 * the browser (no disk) and virtual workspaces (no file: URIs).
 */
export function clientFiles(sendRequest: SendRequest, log: (message: string) => void): FileReader {
  return {
    async read(uri, maxBytes) {
      try {
        const result = (await sendRequest(READ_FILE_REQUEST, { uri, maxBytes } satisfies ReadFileParams)) as ReadFileResult;
        return typeof result?.text === 'string' ? result.text : undefined;
      } catch (e) {
        log(`dsm: the client could not read ${uri}: ${e instanceof Error ? e.message : String(e)}`);
        return undefined;
      }
    },
  };
}
