/**
 * What the handler groups are given: the server's parts and its ways of
 * answering safely. DsmServer (server.ts) is the one implementation; the
 * handlers name only this interface, so that they never import the server.
 */
import type {
  CancellationToken,
  Connection,
  MessageType,
  ResponseError,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver';
import type { DsmDocument } from '../parser/types';
import type { DsmLanguageService } from '../service/languageService';
import type { ClientProfile } from '../session/clientProfile';
import type { DocumentStore } from '../session/documentStore';
import type { FileReader } from '../session/files';
import type { Validator } from '../session/validator';
import type { WorkspaceModel } from '../session/workspaceModel';

export interface ServerCore {
  readonly connection: Connection;
  readonly profile: ClientProfile;
  readonly documents: DocumentStore;
  readonly validator: Validator;
  readonly files: FileReader;
  readonly workspace: WorkspaceModel;
  languageService(): DsmLanguageService;
  /** The parsed form of an open document, however its URI is spelt. */
  openDocument(uri: string): DsmDocument | undefined;
  /** An open document, or one read from disk (through the client where it serves files); an error the caller can answer with. */
  readDocument(uri: string): Promise<DsmDocument | ResponseError<void>>;
  /** Text edits as a WorkspaceEdit, versioned for the open documents where the client allows. */
  workspaceEdit(changes: Record<string, TextEdit[]>): WorkspaceEdit;
  /** Information for the user, as a notification (never a request). */
  showMessage(type: MessageType, message: string): void;
  log(message: string): void;
  /** Runs a request on the parsed form of an open document; a document that is not open gets the fallback. */
  withDocument<T>(
    what: string,
    uri: string,
    token: CancellationToken | undefined,
    fallback: T,
    run: (doc: DsmDocument) => T,
  ): T | ResponseError<void>;
  /** Runs a handler; an exception is logged and answered with the fallback, never allowed to end the server. */
  guard<T>(what: string, run: () => T, fallback: T, token?: CancellationToken): T | ResponseError<void>;
}
