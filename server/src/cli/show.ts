/**
 * `dsm-lint show [--stanza NAME] [--defaults] [--format text|json] <file>`:
 * every option in effect, as the language service's dsm.effectiveOptions
 * answers it. The text looks like `dsmc query options` (NAME: value lines)
 * and says where each value comes from; JSON is the command's array of
 * { name, value, source, serverOverride? }. For a UNIX dsm.opt the dsm.sys
 * beside it (or --sys) is read, and the stanza the dsm.opt selects shown
 * with it.
 */
import { readFileSync, statSync } from 'fs';
import * as path from 'path';
import { fileURLToPath, pathToFileURL } from 'url';
import { parseArgs } from 'util';
import type { DsmDocument } from '../parser/types';
import { effectiveText } from '../service/features/effectiveText';
import { DsmLanguageService } from '../service/languageService';
import { sysFor } from '../service/workspaceIndex';
import { MAX_INDEXED_BYTES } from '../session/workspaceModel';
import { loadSettings } from './config';
import { decode } from './encoding';

export const SHOW_USAGE = `Usage: dsm-lint show [options] <dsm.sys | dsm.opt>

Prints every option in effect, with its value and where it comes from (a line
of a file, or the option table's default), and the server command that can
override it. For a dsm.sys: the stanza named, else DEFAULTServer's, else the
first. For a UNIX dsm.opt: the dsm.opt with the stanza it selects in the
dsm.sys beside it. For a Windows dsm.opt: the file.

Options:
  --stanza <name>          the dsm.sys stanza to show (for a UNIX dsm.opt: instead of the one it selects)
  --defaults               also the defaults of the options nothing sets
  --format, -f <text|json> output format (default text)
  --sys <dsm.sys>          for a UNIX dsm.opt: this dsm.sys instead of the one beside it
  --config, -c <file.json> settings, as the dsm.* settings of the editor
  --help, -h               print this help

Exit status: 0 when the options are shown, 2 on bad usage or a file that cannot be read.
`;

export interface ShowIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

const SPEC = {
  stanza: { type: 'string' },
  defaults: { type: 'boolean' },
  format: { type: 'string', short: 'f' },
  sys: { type: 'string' },
  config: { type: 'string', short: 'c' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** A file's text, or undefined when it is no readable file of a size the server would read. */
function readText(file: string): string | undefined {
  try {
    const st = statSync(file);
    return st.isFile() && st.size <= MAX_INDEXED_BYTES ? decode(readFileSync(file)).text : undefined;
  } catch {
    return undefined;
  }
}

function fail(io: ShowIo, message: string): number {
  io.stderr.write(`dsm-lint show: ${message}\n`);
  return 2;
}

export function show(args: string[], io: ShowIo): number {
  let values: ReturnType<typeof parse>['values'];
  let positionals: string[];
  const parse = (a: string[]) => parseArgs({ args: a, options: SPEC, allowPositionals: true, strict: true });
  try {
    ({ values, positionals } = parse(args));
  } catch (e) {
    const unknown = /^Unknown option '([^']*)'/.exec((e as Error).message);
    return fail(
      io,
      `${unknown ? `unknown option ${unknown[1]}.` : (e as Error).message}\nRun "dsm-lint show --help" for the options.`,
    );
  }
  if (values.help) {
    io.stdout.write(SHOW_USAGE);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(io, `--format must be one of text, json (not "${format}").`);
  if (positionals.length !== 1)
    return fail(io, 'name one dsm.sys or dsm.opt.\nRun "dsm-lint show --help" for the options.');
  const settings = loadSettings(values.config);
  if ('error' in settings) return fail(io, settings.error);
  for (const p of settings.problems) io.stderr.write(`dsm-lint show: --config ${values.config}: ${p}\n`);

  const file = path.resolve(io.cwd, positionals[0]);
  const text = readText(file);
  if (text === undefined)
    return fail(
      io,
      `${positionals[0]}: cannot read it (no such file, or larger than ${MAX_INDEXED_BYTES / 1024 / 1024} MiB).`,
    );
  const service = new DsmLanguageService({ settings: settings.settings });
  const uri = pathToFileURL(file).href;
  const doc = service.parse(text, uri);
  let sys: DsmDocument | undefined;
  if (doc.fileKind === 'opt-unix') {
    const sysUri = values.sys !== undefined ? pathToFileURL(path.resolve(io.cwd, values.sys)).href : sysFor(uri);
    const sysText = readText(fileURLToPath(sysUri));
    if (sysText === undefined && values.sys !== undefined)
      return fail(io, `--sys ${values.sys}: there is no such file to read.`);
    sys = sysText === undefined ? undefined : service.parse(sysText, sysUri);
  }
  const answer = service.effectiveOptions(doc, { stanza: values.stanza, defaults: values.defaults === true }, sys);
  if ('error' in answer) return fail(io, answer.error);
  const display = (u: string) => path.relative(io.cwd, fileURLToPath(u)) || u;
  io.stdout.write(format === 'json' ? JSON.stringify(answer.options, null, 2) + '\n' : effectiveText(answer, display));
  return 0;
}
