/**
 * The dsm.sys beside each UNIX dsm.opt, whose stanza names the dsm.opt's
 * SErvername must match. The copy open in the editor wins; else the file is
 * read without blocking, kept, and read again when the dsm.opt is opened
 * again or the open dsm.sys is closed. When what is known of a dsm.sys
 * changes, `changed` is called so that the dsm.opt files are checked again.
 */
import type { DsmDocument } from '../parser/types';
import { FileReader, sameUri, siblingUri } from './files';

/** A dsm.sys larger than this is not read to check a dsm.opt's SErvername. */
export const MAX_SIBLING_BYTES = 5 * 1024 * 1024;

export interface SiblingHost {
  /** The parsed form of a document open in the editor. */
  open(uri: string): DsmDocument | undefined;
  parse(text: string, uri: string): DsmDocument;
  /** What is known of this dsm.sys changed. */
  changed(sysUri: string): void;
}

interface DiskCopy {
  /** Server stanza names; undefined while loading or when the file cannot be read. */
  names?: string[];
  loading?: Promise<void>;
}

function serverStanzas(doc: DsmDocument): string[] {
  return doc.stanzas.filter((s) => s.kind === 'server').map((s) => s.name);
}

export class SiblingStanzas {
  private readonly disk = new Map<string, DiskCopy>();

  constructor(
    private readonly files: FileReader,
    private readonly host: SiblingHost,
  ) {}

  static sysFor(optUri: string): string {
    return siblingUri(optUri, 'dsm.sys');
  }

  /** The stanza names of the dsm.sys beside a dsm.opt, if known now; else undefined (and it is read, then `changed` is called). */
  namesBeside(optUri: string): string[] | undefined {
    const sysUri = SiblingStanzas.sysFor(optUri);
    const open = this.host.open(sysUri);
    if (open) return serverStanzas(open);
    const copy = this.disk.get(sysUri);
    if (!copy) void this.load(sysUri);
    return copy?.names;
  }

  /** Reads the dsm.sys beside a dsm.opt again from disk (the dsm.opt was opened: the disk may have changed). */
  refreshFor(optUri: string): void {
    void this.load(SiblingStanzas.sysFor(optUri));
  }

  /** A dsm.sys open in the editor was closed: from now on its copy on disk counts, read afresh. */
  closed(sysUri: string): void {
    for (const uri of this.disk.keys()) if (sameUri(uri, sysUri)) this.disk.delete(uri);
    if (this.isSys(sysUri)) void this.load(sysUri);
  }

  /** Is this the URI of a dsm.sys that some dsm.opt reads? */
  isSys(uri: string): boolean {
    return /\/dsm\.sys$/i.test(uri.replace(/[?#].*$/, ''));
  }

  private load(sysUri: string): Promise<void> {
    const previous = this.disk.get(sysUri);
    if (previous?.loading) return previous.loading;
    const copy: DiskCopy = { names: previous?.names };
    copy.loading = this.files
      .read(sysUri, MAX_SIBLING_BYTES)
      .then((text) => {
        const names = text === undefined ? undefined : serverStanzas(this.host.parse(text, sysUri));
        copy.names = names;
        if (JSON.stringify(names) !== JSON.stringify(previous?.names) || !previous) this.host.changed(sysUri);
      })
      .catch(() => undefined)
      .finally(() => (copy.loading = undefined));
    this.disk.set(sysUri, copy);
    return copy.loading;
  }
}
