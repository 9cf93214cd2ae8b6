/**
 * The shared harness of the real-editor tests: a temp folder with the
 * fixture dsm.sys and a `dsm-language-server` shim on PATH (so the recipe in
 * docs/editors/ runs unchanged), the editor started on it with the recipe
 * and a driver script (test/editors/drivers/) under a hard timeout, and the
 * assertions on what the driver saw, the same for every editor.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..', '..');
const SERVER = path.join(REPO, 'dist', 'server.js');
/** How long one editor may run before it is killed and its tests fail. */
const HARD_TIMEOUT_MS = 60_000;

/** One Bucky stanza whose scheduler is PROMPTED (shared with the command-line tests). */
const FIXTURE = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'prompted-stanza.dsm.sys'), 'utf8');
/** The 1-based line of `SCHEDMODe PROMPTED` in FIXTURE. */
const PROMPTED_LINE = 6;

/** File names (relative to the temp folder) and whether the recipe must make them dsm files. */
const NAMES: Record<string, boolean> = {
  'dsm.opt': true,
  'dsm_nightly.opt': true,
  'dsm.opt.smp': true,
  'dsm.sys.smp': true,
  'dsm-backups/config.opt': false,
};

interface Diagnostic {
  line: number;
  code: string;
  message: string;
}

/** What a driver saw, as it writes it to $DSM_TEST_RESULT (after every step). */
export interface Seen {
  editor?: string;
  filetype?: string;
  diagnostics?: Diagnostic[];
  hover?: string;
  codeActions?: string[];
  fixedLine?: string;
  diagnosticsAfterFix?: Diagnostic[];
  completion?: string[];
  /** The documentation of each completion item, where the driver can read it. */
  completionDocs?: string[];
  fileTypes?: Record<string, string>;
  /** Emacs: the *Warnings* buffer. */
  warnings?: string;
  errors?: string[];
  done?: boolean;
}

export interface Workspace {
  dir: string;
  fixture: string;
  result: string;
  env: NodeJS.ProcessEnv;
}

export interface EditorSpec {
  /** The suite's title, e.g. "Emacs + Eglot". */
  title: string;
  /** The editor's command, looked up on PATH. */
  binary: string;
  /** How to install it, for the message when it is missing. */
  install: string;
  /** The recipe's file name in docs/editors/. */
  recipe: string;
  /** The driver's file name in test/editors/drivers/. */
  driver: string;
  /** The editor's arguments, given the recipe's and the driver's paths. */
  args(recipe: string, driver: string, ws: Workspace): string[];
  /** Vim waits for input on stdin, so it gets a pipe that stays open; the others get none. */
  stdin: 'pipe' | 'ignore';
  /** The file type the recipe gives dsm files, as the driver reports it. */
  filetype: string;
  /** The client asks for plaintext hovers (and documentation) only, so no Markdown may show. */
  plaintext: boolean;
  /** Further checks of this editor, by test title. */
  checks?: Record<string, (seen: Seen) => void>;
}

interface Run {
  seen: Seen;
  output: string;
  exit: string;
  ms: number;
}

function quote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

function onPath(binary: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir, binary), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The developer's own editor settings, kept from the editors under test. */
const PERSONAL = [
  'VIMINIT',
  'EXINIT',
  'MYVIMRC',
  'VIMRUNTIME',
  'NVIM',
  'NVIM_APPNAME',
  'NVIM_LISTEN_ADDRESS',
  'EMACSLOADPATH',
  'EMACSDATA',
  'EMACSPATH',
  'EMACSDOC',
];

/** A temp folder with the fixture, the other file names, the server shim in bin/, and an empty HOME. */
function makeWorkspace(): Workspace {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-editor-'));
  const home = path.join(dir, 'home');
  const bin = path.join(dir, 'bin');
  for (const d of [home, bin, path.join(dir, 'dsm-backups')]) fs.mkdirSync(d, { recursive: true });
  const fixture = path.join(dir, 'dsm.sys');
  fs.writeFileSync(fixture, FIXTURE);
  const shim = path.join(bin, 'dsm-language-server');
  const log = path.join(dir, 'server.stderr');
  fs.writeFileSync(shim, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(SERVER)} "$@" 2>>${quote(log)}\n`, {
    mode: 0o755,
  });
  const result = path.join(dir, 'result.json');
  const env: NodeJS.ProcessEnv = {
    ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !PERSONAL.includes(name))),
    PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
    XDG_STATE_HOME: path.join(home, '.local', 'state'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TERM: 'xterm',
    DSM_TEST_FIXTURE: fixture,
    DSM_TEST_RESULT: result,
    DSM_TEST_NAMES: Object.keys(NAMES)
      .map((n) => path.join(dir, n))
      .join('\n'),
  };
  return { dir, fixture, result, env };
}

function readable(output: string): string {
  const plain = output.replace(
    // eslint-disable-next-line no-control-regex
    /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[()][0-9A-Za-z]|\x1b[=>]|\r/g,
    '',
  );
  return plain.length > 6000 ? '...' + plain.slice(-6000) : plain;
}

/** Starts the editor in its own process group; after HARD_TIMEOUT_MS the group is killed. */
function runEditor(spec: EditorSpec, ws: Workspace): Promise<Run> {
  const args = spec.args(
    path.join(REPO, 'docs', 'editors', spec.recipe),
    path.join(REPO, 'test', 'editors', 'drivers', spec.driver),
    ws,
  );
  const started = Date.now();
  const child = spawn(spec.binary, args, {
    cwd: ws.dir,
    env: ws.env,
    stdio: [spec.stdin, 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const killGroup = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  let exit = 'not started';
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), killGroup()), HARD_TIMEOUT_MS);
  return new Promise((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      const log = path.join(ws.dir, 'server.stderr');
      const server = fs.existsSync(log) ? `\n--- server stderr ---\n${readable(fs.readFileSync(log, 'utf8'))}` : '';
      resolve({ seen: readSeen(ws.result), output: readable(output) + server, exit, ms: Date.now() - started });
    };
    child.on('error', (e) => ((exit = `could not start: ${e.message}`), finish()));
    child.on('exit', (code, signal) => {
      exit = timedOut
        ? `killed after the ${HARD_TIMEOUT_MS / 1000} s timeout`
        : signal
          ? `killed by ${signal}`
          : `exit code ${code}`;
      killGroup(); // the language server too, should the editor have left it running
    });
    child.on('close', finish);
  });
}

function readSeen(file: string): Seen {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Seen;
  } catch {
    return {};
  }
}

/** What to show when an assertion fails: the driver's errors, how the editor ended, and its output. */
function context(run: Run): string {
  const errors = run.seen.errors?.length ? `driver errors:\n  ${run.seen.errors.join('\n  ')}\n` : '';
  const done = run.seen.done ? '' : 'the driver did not finish\n';
  return `\n${errors}${done}editor: ${run.exit} after ${run.ms} ms\n--- editor output ---\n${run.output}`;
}

function codes(diagnostics: Diagnostic[] | undefined): string {
  return JSON.stringify((diagnostics ?? []).map((d) => [d.line, d.code]));
}

const MARKDOWN = /\*\*|\\[.\\_*-]|`/;

/** The checks every editor must pass, by test title. */
const COMMON_CHECKS: Record<string, (seen: Seen, spec: EditorSpec) => void> = {
  "detects dsm.sys as a dsm file (over the editor's own *.sys rule)": (seen, spec) => {
    assert.equal(seen.filetype, spec.filetype);
  },
  'gives dsm*.opt and the .smp samples the dsm file type, but not dsm-backups/config.opt': (seen, spec) => {
    const actual = Object.fromEntries(
      Object.keys(NAMES).map((name) => [
        name,
        Object.entries(seen.fileTypes ?? {}).some(([p, ft]) => p.endsWith('/' + name) && ft === spec.filetype),
      ]),
    );
    assert.deepEqual(actual, NAMES, `file types seen: ${JSON.stringify(seen.fileTypes)}`);
  },
  '(a) shows the schedmode-prompted warning on the SCHEDMODE PROMPTED line': (seen) => {
    const warning = seen.diagnostics?.find((d) => d.code === 'schedmode-prompted');
    assert.ok(warning, `no schedmode-prompted diagnostic among ${codes(seen.diagnostics)}`);
    assert.equal(warning.line, PROMPTED_LINE);
  },
  '(b) shows the port of the Bucky server on hover over bucky5.doit.wisc.edu': (seen, spec) => {
    assert.match(seen.hover ?? '', /1503/);
    if (spec.plaintext)
      assert.doesNotMatch(seen.hover!, MARKDOWN, 'the editor asks for plaintext hovers: no Markdown syntax may show');
  },
  '(c) applies the POLLING quick fix: the line changes and the warning goes': (seen) => {
    assert.ok(
      seen.codeActions?.some((t) => t.startsWith('Change SCHEDMODE to POLLING')),
      `quick fixes offered: ${JSON.stringify(seen.codeActions)}`,
    );
    assert.equal(seen.fixedLine, '   SCHEDMODe          POLLING');
    assert.ok(seen.diagnosticsAfterFix, 'the diagnostics after the fix were never seen');
    assert.ok(
      !seen.diagnosticsAfterFix.some((d) => d.code === 'schedmode-prompted'),
      `still shown: ${codes(seen.diagnosticsAfterFix)}`,
    );
  },
  '(d) completes POLLING and PROMPTED after "SCHEDMODE "': (seen, spec) => {
    assert.deepEqual(seen.completion, ['POLLING', 'PROMPTED']);
    if (spec.plaintext && seen.completionDocs) {
      for (const doc of seen.completionDocs)
        assert.doesNotMatch(doc, MARKDOWN, 'the editor asks for plaintext documentation: no Markdown syntax may show');
    }
  },
};

/**
 * The suite of one editor: runs it once (in `before`), then asserts each
 * thing the user should see. A missing editor fails every test, saying how
 * to install it. DSM_KEEP_TEMP=1 keeps the temp folder.
 */
export function editorSuite(spec: EditorSpec): void {
  describe(spec.title, () => {
    let ws: Workspace | undefined;
    let run: Run | Error = new Error('the editor was not started');

    before(async () => {
      try {
        assert.ok(fs.existsSync(SERVER), `${SERVER} is missing: run npm run build first`);
        assert.ok(onPath(spec.binary), `${spec.binary} is not on PATH: these tests need it (${spec.install})`);
        ws = makeWorkspace();
        run = await runEditor(spec, ws);
      } catch (e) {
        run = e as Error;
      }
    });
    after(() => {
      if (ws && process.env.DSM_KEEP_TEMP !== '1') fs.rmSync(ws.dir, { recursive: true, force: true });
      else if (ws) process.stdout.write(`kept ${ws.dir}\n`);
    });
    /** The editor's run; or why there is none, which fails the test. */
    const ran = (): Run => {
      if (run instanceof Error) throw run;
      return run;
    };

    it(`runs the driver to its end within ${HARD_TIMEOUT_MS / 1000} s`, (t) => {
      const r = ran();
      t.diagnostic(`${r.seen.editor ?? spec.binary}: ${r.exit} after ${r.ms} ms`);
      assert.ok(r.seen.done && !r.seen.errors?.length, context(r));
    });
    const checks: Record<string, (seen: Seen, spec: EditorSpec) => void> = { ...COMMON_CHECKS, ...spec.checks };
    for (const [title, check] of Object.entries(checks)) {
      it(title, () => {
        const r = ran();
        try {
          check(r.seen, spec);
        } catch (e) {
          if (e instanceof assert.AssertionError) e.message += context(r);
          throw e;
        }
      });
    }
  });
}
