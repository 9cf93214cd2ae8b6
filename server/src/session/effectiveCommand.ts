/**
 * dsm.effectiveOptions [uri] or [uri, { stanza?, defaults?, line?, text? }]:
 * every option in effect, as an array of { name, value, source,
 * serverOverride? } (with `text: true`, the text `dsm-lint show` prints, for
 * the VS Code document). The document is the open one, else read from disk
 * (the server's readDocument); for a UNIX dsm.opt the dsm.sys beside it is
 * read the same way. The answer itself is the language service's.
 */
import { ErrorCodes, ResponseError } from 'vscode-languageserver';
import type { DsmDocument } from '../parser/types';
import { COMMANDS } from '../service/codes';
import type { EffectiveEntry, EffectiveRequest } from '../service/features/effective';
import { effectiveText } from '../service/features/effectiveText';
import type { DsmLanguageService } from '../service/languageService';
import { sysFor } from '../service/workspaceIndex';
import { baseName } from '../util/uris';

export interface EffectiveHost {
  service(): DsmLanguageService;
  /** An open document, or one read from disk (the server's readDocument); an error when neither can be had. */
  read(uri: string): Promise<DsmDocument | ResponseError<void>>;
  log(message: string): void;
}

type Request = EffectiveRequest & { text?: boolean };

const USAGE = `${COMMANDS.effectiveOptions} takes the URI of a dsm.sys or dsm.opt and, optionally, { stanza?: string, defaults?: boolean }`;

function request(raw: unknown): Request | undefined {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const ok =
    (r.stanza === undefined || typeof r.stanza === 'string') &&
    (r.defaults === undefined || typeof r.defaults === 'boolean') &&
    (r.line === undefined || (typeof r.line === 'number' && Number.isInteger(r.line) && r.line >= 0)) &&
    (r.text === undefined || typeof r.text === 'boolean');
  return ok
    ? {
        stanza: r.stanza as string | undefined,
        defaults: r.defaults === true,
        line: r.line as number | undefined,
        text: r.text === true,
      }
    : undefined;
}

export async function effectiveOptionsCommand(
  args: unknown[],
  host: EffectiveHost,
): Promise<EffectiveEntry[] | string | ResponseError<void>> {
  const [uri, raw] = args;
  const req = request(raw);
  if (typeof uri !== 'string' || !req) return new ResponseError(ErrorCodes.InvalidParams, USAGE);
  try {
    const doc = await host.read(uri);
    if (doc instanceof ResponseError) return doc;
    const beside = doc.fileKind === 'opt-unix' ? await host.read(sysFor(uri)) : undefined;
    const sys = beside instanceof ResponseError ? undefined : beside;
    const answer = host.service().effectiveOptions(doc, req, sys);
    if ('error' in answer) return new ResponseError(ErrorCodes.InvalidParams, answer.error);
    return req.text ? effectiveText(answer, baseName) : answer.options;
  } catch (e) {
    host.log(`dsm: effective options failed: ${(e as Error).stack ?? e}`);
    return new ResponseError(
      ErrorCodes.InternalError,
      'The effective options could not be worked out; see the server log.',
    );
  }
}
