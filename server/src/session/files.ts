/**
 * How the server reads files that are not open in the editor. The session
 * takes a FileReader; on Node it reads the disk, and a client that serves
 * files itself (a browser, a virtual workspace) can answer instead.
 */
import {
  EXISTS_REQUEST,
  ExistsParams,
  FIND_FILES_REQUEST,
  FindFilesParams,
  READ_FILE_REQUEST,
  ReadFileParams,
  ReadFileResult,
} from '../protocol';

export interface FileReader {
  /**
   * The text of a file, decoded as everywhere else (util/decode.ts: UTF-8 with or without a BOM, UTF-16 with a BOM,
   * else Latin-1), or undefined when it does not exist, is not a regular file, is larger than maxBytes or is not text
   * (NUL bytes without a UTF-16 BOM). Never rejects.
   */
  read(uri: string, maxBytes: number): Promise<string | undefined>;
  /**
   * The files under a folder, at any depth, whose names match one of the
   * basename globs (`*` and `?`, without regard to case): at most `max`,
   * node_modules and .git left out. Never rejects.
   */
  find(folderUri: string, names: readonly string[], max: number): Promise<string[]>;
  /** Does a file or folder exist at this URI? Never rejects. */
  exists(uri: string): Promise<boolean>;
}

/** Reads nothing: for a session that has no files besides the open documents. */
export const NO_FILES: FileReader = { read: async () => undefined, find: async () => [], exists: async () => false };

/** How the server sends a request to the client (a part of the connection, so that this module needs none). */
export type SendRequest = (method: string, params: unknown) => Promise<unknown>;

/**
 * Files read through the client: the custom request dsm/readFile, which the
 * VS Code client answers with vscode.workspace.fs. One path for the desktop,
 * the browser (no disk) and virtual workspaces (no file: URIs).
 */
export function clientFiles(sendRequest: SendRequest, log: (message: string) => void): FileReader {
  /** A request whose failure is logged and answered with the fallback. */
  const ask = async <T>(
    what: string,
    method: string,
    params: unknown,
    fallback: T,
    valid: (r: unknown) => r is T,
  ): Promise<T> => {
    try {
      const result = await sendRequest(method, params);
      return valid(result) ? result : fallback;
    } catch (e) {
      log(`dsm: the client could not ${what}: ${e instanceof Error ? e.message : String(e)}`);
      return fallback;
    }
  };
  const isText = (r: unknown): r is ReadFileResult => typeof (r as ReadFileResult)?.text === 'string';
  const isUris = (r: unknown): r is string[] => Array.isArray(r) && r.every((u) => typeof u === 'string');
  return {
    read: async (uri, maxBytes) =>
      (await ask(`read ${uri}`, READ_FILE_REQUEST, { uri, maxBytes } satisfies ReadFileParams, null, isText))?.text,
    find: async (baseUri, names, maxResults) =>
      (
        await ask(
          `list ${baseUri}`,
          FIND_FILES_REQUEST,
          { baseUri, names: [...names], maxResults } satisfies FindFilesParams,
          [],
          isUris,
        )
      ).slice(0, maxResults),
    exists: (uri) =>
      ask(
        `look for ${uri}`,
        EXISTS_REQUEST,
        { uri } satisfies ExistsParams,
        false,
        (r): r is boolean => typeof r === 'boolean',
      ),
  };
}
