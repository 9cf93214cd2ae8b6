/**
 * `dsm-lint explain [--stanza NAME] [--operation backup|archive] [--format text|json] <file> <path>...`:
 * which include-exclude statement decides each path, read from a dsm.sys
 * stanza (with the INCLEXCL files it names), a Windows dsm.opt or an
 * include-exclude file. JSON is an array of the answers dsm.explainPath gives.
 */
import { readFileSync, statSync } from 'fs';
import * as path from 'path';
import { parseArgs } from 'util';
import { fileURLToPath, pathToFileURL } from 'url';
import { DsmLanguageService } from '../service/languageService';
import { ListFile, explainPaths, inclExclFilesOf, selectedStanza } from '../service/features/explain';
import { MAX_INDEXED_BYTES } from '../session/workspaceModel';
import { ownersPlatform } from '../service/workspaceIndex';
import type { Explanation } from '../model/inclexclSimulator';
import { DiskWorkspace } from './diskWorkspace';
import { decode } from './encoding';

export const EXPLAIN_USAGE = `Usage: dsm-lint explain [--stanza NAME] [--operation backup|archive] [--format text|json] <file> <path>...

Says which include-exclude statement decides whether the client backs up
(or archives) each path, and why. <file> is a dsm.sys (with --stanza when it
has several server stanzas and no DEFAULTServer), a dsm.opt (on UNIX: the
stanza its SErvername selects in the dsm.sys beside it) or an
include-exclude file; the INCLExcl files a stanza names are read from the disk.
JSON output is an array of { path, decision, by, managementClass?, reason }.
`;

/** A file's text, or why it cannot be read. */
function readText(file: string): { text: string } | { error: string } {
  try {
    const st = statSync(file);
    if (!st.isFile()) return { error: `${file} is not a file.` };
    if (st.size > MAX_INDEXED_BYTES) return { error: `${file} is larger than ${MAX_INDEXED_BYTES} bytes.` };
    return { text: decode(readFileSync(file)).text };
  } catch (e) {
    return { error: `cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}.` };
  }
}

function textOf(e: Explanation & { stanza?: string }, cwd: string): string {
  const by = e.by
    ? ` by ${path.relative(cwd, fileURLToPath(e.by.uri)) || '.'}:${e.by.line + 1}: ${e.by.text}`
    : ' (no statement matches)';
  const mc = e.managementClass ? ` [management class ${e.managementClass}]` : '';
  return `${e.path}: ${e.decision}${by}${mc}\n  ${e.reason}\n`;
}

function parse(args: string[]) {
  return parseArgs({
    args,
    options: {
      stanza: { type: 'string' },
      operation: { type: 'string' },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h' },
    },
    allowPositionals: true,
    strict: true,
  });
}

/** What the command needs of dsm-lint's run (run.ts's Io has these). */
export interface ExplainIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  cwd: string;
}

export async function explainCommand(args: string[], io: ExplainIo): Promise<number> {
  const fail = (message: string, code = 2) => {
    io.stderr.write(`dsm-lint explain: ${message}\n`);
    return code;
  };
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch (e) {
    return fail(`${(e as Error).message}\n${EXPLAIN_USAGE}`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(EXPLAIN_USAGE);
    return 0;
  }
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return fail(`--format must be text or json (not "${format}").`);
  const operation = values.operation ?? 'backup';
  if (operation !== 'backup' && operation !== 'archive')
    return fail(`--operation must be backup or archive (not "${operation}").`);
  const [file, ...paths] = positionals;
  if (!file || !paths.length) return fail(`give a file and at least one path.\n${EXPLAIN_USAGE}`);
  const full = path.resolve(io.cwd, file);
  const read = readText(full);
  if ('error' in read) return fail(read.error);
  const uri = pathToFileURL(full).href;
  // The workspace parses the files it summarizes with the service that asks it who names a file.
  const holder: { svc?: DsmLanguageService } = {};
  const workspace = new DiskWorkspace(undefined, (text, u) => holder.svc!.parse(text, u));
  const svc = (holder.svc = new DsmLanguageService({ workspace }));
  let main: ListFile = { doc: svc.parse(read.text, uri), text: read.text };
  // A UNIX dsm.opt: the list is that of the dsm.sys stanza it selects, in the dsm.sys beside it.
  const selected = selectedStanza(main.doc);
  const sysText = selected && readText(fileURLToPath(selected.sysUri));
  let stanza = values.stanza;
  if (selected && sysText && 'text' in sysText) {
    main = { doc: svc.parse(sysText.text, selected.sysUri), text: sysText.text };
    stanza ??= selected.stanza;
  }
  const files = new Map<string, ListFile>();
  for (const target of inclExclFilesOf(main.doc, stanza)) {
    if (!target.startsWith('file:')) continue;
    const t = readText(fileURLToPath(target));
    if ('text' in t) files.set(target, { doc: svc.parse(t.text, target), text: t.text });
  }
  const platform = ownersPlatform(workspace.inclExclOwners(uri));
  const answers = explainPaths(main, files, paths, { stanza, operation, platform });
  if ('error' in answers) return fail(`${file}: ${answers.error}`);
  io.stdout.write(
    format === 'json' ? JSON.stringify(answers, null, 2) + '\n' : answers.map((a) => textOf(a, io.cwd)).join(''),
  );
  return 0;
}
