/** The server's workspace model, without a connection: what it reads, what it keeps, and whom it tells when a file changes. */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import {
  FileChange,
  MAX_INDEXED_BYTES,
  MAX_INDEXED_FILES,
  WorkspaceHost,
  WorkspaceModel,
} from '../../server/src/session/workspaceModel';
import type { FileReader } from '../../server/src/session/files';
import { nodeFiles } from '../../server/src/session/nodeFiles';
import { OPTION_FILE_GLOBS, WATCHED_FILE_GLOBS } from '../../server/src/parser/fileKind';
import { anyDepthGlob, namesRegExp } from '../../server/src/util/globs';
import type { DsmDocument } from '../../server/src/parser/types';
import { service } from './helpers';

const FOLDER = 'file:///ws';
const SYS = 'file:///ws/etc/dsm.sys';
const OPT = 'file:///ws/etc/dsm.opt';

/** Files on a pretend disk, the reads and listings asked for, and reads that wait until released. */
class FakeDisk implements FileReader {
  readonly texts = new Map<string, string>();
  readonly reads: { uri: string; maxBytes: number }[] = [];
  readonly finds: { folder: string; names: readonly string[]; max: number }[] = [];
  held = false;
  private readonly waiting: (() => void)[] = [];

  async read(uri: string, maxBytes: number): Promise<string | undefined> {
    this.reads.push({ uri, maxBytes });
    const text = this.texts.get(uri);
    if (this.held) await new Promise<void>((r) => this.waiting.push(r));
    return text;
  }
  async find(folder: string, names: readonly string[], max: number): Promise<string[]> {
    this.finds.push({ folder, names, max });
    const re = namesRegExp(names);
    return [...this.texts.keys()]
      .filter((u) => u.startsWith(folder) && re.test(u.slice(u.lastIndexOf('/') + 1)))
      .slice(0, max);
  }
  async exists(uri: string): Promise<boolean> {
    return this.texts.has(uri);
  }
  release(): void {
    this.held = false;
    for (const r of this.waiting.splice(0)) r();
  }
}

/** The server's side: documents open in the editor, and what the model told it. */
function setup() {
  const svc = service();
  const disk = new FakeDisk();
  const open = new Map<string, DsmDocument>();
  const told: { dependents: string[]; reparse: string[] }[] = [];
  const watched: string[] = [];
  const logs: string[] = [];
  const host: WorkspaceHost = {
    open: (uri) => open.get(uri),
    openUris: () => [...open.keys()],
    parse: (text, uri) => svc.parse(text, uri),
    changed: (dependents, reparse) => told.push({ dependents, reparse }),
    watch: (uri) => watched.push(uri),
    log: (m) => logs.push(m),
  };
  const model = new WorkspaceModel(disk, host);
  const openDoc = (uri: string, text: string) => open.set(uri, svc.parse(text, uri));
  return { model, disk, open, openDoc, told, watched, logs };
}

const names = (model: WorkspaceModel, uri: string) => model.file(uri)?.stanzas.map((s) => s.name);

describe('the workspace model', () => {
  it('reads the option files of the workspace folders, one at a time, bounded in size; include-exclude files are not kept', async () => {
    const { model, disk } = setup();
    disk.texts.set(SYS, 'SErvername a\n  TCPServeraddress bucky5.doit.wisc.edu\n');
    disk.texts.set(OPT, 'SErvername a\n');
    disk.texts.set('file:///ws/etc/README', 'not an option file');
    disk.texts.set('file:///elsewhere/dsm.sys', 'SErvername z\n');
    await model.setFolders([FOLDER]);
    assert.deepEqual(disk.finds, [{ folder: FOLDER, names: OPTION_FILE_GLOBS, max: MAX_INDEXED_FILES }]);
    assert.deepEqual(
      disk.reads.map((r) => [r.uri, r.maxBytes]),
      [
        [SYS, MAX_INDEXED_BYTES],
        [OPT, MAX_INDEXED_BYTES],
      ],
    );
    assert.deepEqual(names(model, SYS), ['a']);
    assert.deepEqual(
      [...model.files()].map((f) => f.uri),
      [SYS, OPT],
    );
    assert.equal(model.file('file:///elsewhere/dsm.sys'), undefined);
  });

  it('holds at most MAX_INDEXED_FILES files, and says so once', async () => {
    const { model, disk, logs } = setup();
    for (let i = 0; i < MAX_INDEXED_FILES + 5; i++) disk.texts.set(`file:///ws/d${i}/dsm.sys`, `SErvername s${i}\n`);
    disk.find = async () => [...disk.texts.keys()];
    await model.setFolders([FOLDER]);
    assert.equal([...model.files()].length, MAX_INDEXED_FILES);
    assert.equal(logs.filter((l) => /more than 1000 option files/.test(l)).length, 1);
  });

  it('answers for an open document as the editor has it, and ignores its copy on disk', async () => {
    const { model, disk, openDoc } = setup();
    disk.texts.set(SYS, 'SErvername disk\n');
    await model.setFolders([FOLDER]);
    openDoc(SYS, 'SErvername editor\n');
    assert.deepEqual(names(model, SYS), ['editor']);
    disk.texts.set(SYS, 'SErvername disk2\n');
    const before = disk.reads.length;
    await model.fileChanged(SYS, FileChange.Changed);
    assert.equal(disk.reads.length, before, 'not read while open');
    assert.deepEqual(
      [...model.files()].map((f) => f.stanzas[0].name),
      ['editor'],
    );
  });

  it('tells which open dsm.opt to check again when the stanzas of its dsm.sys change on disk, and only then', async () => {
    const { model, disk, openDoc, told } = setup();
    disk.texts.set(SYS, 'SErvername alpha\n  TCPServeraddress a.example.edu\n');
    openDoc(OPT, 'SErvername beta\n');
    await model.opened(OPT);
    assert.deepEqual(told, [{ dependents: [OPT], reparse: [] }], 'the dsm.sys beside it was read');
    disk.texts.set(SYS, 'SErvername ALPHA\n  TCPServeraddress b.example.edu\n');
    await model.fileChanged(SYS, FileChange.Changed);
    assert.equal(told.length, 1, 'same stanza names (case aside): nothing to check again');
    disk.texts.set(SYS, 'SErvername alpha\nSErvername beta\n');
    await model.fileChanged(SYS, FileChange.Changed);
    assert.deepEqual(told[1], { dependents: [OPT], reparse: [] });
    await model.fileChanged(SYS, FileChange.Deleted);
    assert.deepEqual(told[2], { dependents: [OPT], reparse: [] });
    assert.equal(model.file(SYS), undefined);
  });

  it('when an open dsm.sys is closed, its copy on disk counts again', async () => {
    const { model, disk, open, openDoc, told } = setup();
    disk.texts.set(SYS, 'SErvername alpha\n');
    openDoc(OPT, 'SErvername beta\n');
    openDoc(SYS, 'SErvername beta\n');
    model.noteOpen(SYS);
    assert.deepEqual(told.at(-1), { dependents: [OPT], reparse: [] });
    open.delete(SYS);
    await model.closed(SYS);
    assert.deepEqual(names(model, SYS), ['alpha']);
    assert.deepEqual(told.at(-1), { dependents: [OPT], reparse: [] });
    assert.equal(told.length, 2);
  });

  it('tells an open document when an INCLExcl option starts or stops naming it, so that it is read as another kind of file', () => {
    const { model, openDoc, told } = setup();
    const list = 'file:///ws/etc/list.txt';
    openDoc(list, 'EXCLUDE.DIR /proc\n');
    openDoc(SYS, 'SErvername a\n  INCLExcl list.txt\n');
    model.noteOpen(SYS);
    assert.deepEqual(told.at(-1), { dependents: [list], reparse: [list] });
    assert.deepEqual(
      model.inclExclOwners(list).map((s) => s.uri),
      [SYS],
    );
    openDoc(SYS, 'SErvername a\n');
    model.noteOpen(SYS);
    assert.deepEqual(told.at(-1), { dependents: [list], reparse: [list] });
    assert.deepEqual(model.inclExclOwners(list), []);
  });

  it('keeps only the newest of two reads of one file', async () => {
    const { model, disk } = setup();
    disk.texts.set(SYS, 'SErvername old\n');
    disk.held = true;
    const first = model.refresh([SYS]);
    disk.texts.set(SYS, 'SErvername new\n');
    const second = model.refresh([SYS]);
    disk.release();
    await Promise.all([first, second]);
    assert.deepEqual(names(model, SYS), ['new']);
  });

  it('asks to watch a file it reads outside the workspace folders, and forgets the files of a removed folder', async () => {
    const { model, disk, openDoc, watched } = setup();
    disk.texts.set(SYS, 'SErvername a\n');
    disk.texts.set('file:///etc/tsm/dsm.sys', 'SErvername b\n');
    await model.setFolders([FOLDER]);
    openDoc('file:///etc/tsm/dsm.opt', 'SErvername b\n');
    await model.opened('file:///etc/tsm/dsm.opt');
    assert.deepEqual(watched, ['file:///etc/tsm/dsm.sys']);
    await model.setFolders([]);
    assert.equal(model.file(SYS), undefined);
    assert.deepEqual(names(model, 'file:///etc/tsm/dsm.sys'), ['b']);
  });
});

describe('the Node file reader', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'dsm-files-'));
    for (const rel of [
      'DSM.SYS',
      'a/dsm_nightly.opt',
      'a/b/inclexcl.def',
      'a/notes.txt',
      'node_modules/x/dsm.sys',
      '.git/dsm.sys',
    ]) {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), 'SErvername a\n');
    }
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists the files whose names match, without regard to case, leaving node_modules and .git out, at most max', async () => {
    const found = await nodeFiles.find(pathToFileURL(root).href, WATCHED_FILE_GLOBS, 10);
    const rel = found.map((u) => path.relative(root, new URL(u).pathname).split(path.sep).join('/')).sort();
    assert.deepEqual(rel, ['DSM.SYS', 'a/b/inclexcl.def', 'a/dsm_nightly.opt']);
    assert.equal((await nodeFiles.find(pathToFileURL(root).href, WATCHED_FILE_GLOBS, 1)).length, 1);
    assert.deepEqual(await nodeFiles.find('untitled:Untitled-1', WATCHED_FILE_GLOBS, 10), []);
  });

  it('says whether a file exists, and reads only regular files no larger than asked', async () => {
    const uri = pathToFileURL(path.join(root, 'DSM.SYS')).href;
    assert.equal(await nodeFiles.exists(uri), true);
    assert.equal(await nodeFiles.exists(uri + '.missing'), false);
    assert.equal(await nodeFiles.read(uri, 100), 'SErvername a\n');
    assert.equal(await nodeFiles.read(uri, 3), undefined);
    assert.equal(await nodeFiles.read(pathToFileURL(root).href, 100), undefined);
  });

  it('the VS Code glob of the same names matches them whatever their case', () => {
    assert.equal(anyDepthGlob(['dsm*.sys']), '**/{[dD][sS][mM]*.[sS][yY][sS]}');
  });
});
