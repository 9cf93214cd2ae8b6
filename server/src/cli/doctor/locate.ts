/**
 * Where the client finds its option files, and where the doctor reads them:
 * on this host, or under --root in a copy of a machine's tree (where every
 * path, those from DSM_DIR, DSM_CONFIG and DSM_LOG included, is read under
 * the copy and can never leave it).
 */
import { statSync } from 'fs';
import * as path from 'path';

/**
 * The client's install directories, in the order the doctor looks.
 * - Linux: /opt/tivoli/tsm/client/ba/bin is "the default installation directory for many
 *   backup-archive client files ... If the DSM_DIR environment variable is not set, the dsmc
 *   executable file, the resource files, and the dsm.sys file are stored in this directory. If
 *   DSM_CONFIG is not set, the client user-options file must be in this directory."
 *   https://www.ibm.com/support/knowledgecenter/de/SSGSG7_7.1.3/client/t_inst_ubuntu_x86_64client.html
 *   https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.12/client/t_inst_linuxpowerLEclient.html
 *   (bin64 is IBM's directory of the 64-bit API, /opt/tivoli/tsm/client/api/bin64, on the same
 *   pages; a bin64 for the backup-archive client on Linux is not confirmed: looked at last.)
 * - AIX: IBM's own example starts the acceptor with -optfile=/usr/tivoli/tsm/client/ba/bin/myopts.opt
 *   https://www.ibm.com/docs/en/storage-protect/8.2.2?topic=reference-optfile
 *   (bin64 for the 64-bit AIX client is not confirmed in what we could read: looked at too.)
 * - macOS: the samples dsm.opt.smp and dsm.sys.smp go to "/Library/Preferences/Tivoli Storage Manager"
 *   (IBM spells it "/Libraries/..." once) https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.11/client/t_cfg_crtdefopt.html
 *   ("/Library/Application Support/tivoli/tsm/client/ba/bin" is not confirmed: looked at last.)
 * - Windows: not confirmed on an IBM page we could read; C:\Program Files\Tivoli\TSM\baclient is
 *   where sites find the logs (help.it.ox.ac.uk/node/1380051).
 */
export const UNIX_INSTALL_DIRS: readonly string[] = [
  '/opt/tivoli/tsm/client/ba/bin',
  '/usr/tivoli/tsm/client/ba/bin64',
  '/usr/tivoli/tsm/client/ba/bin',
  '/Library/Preferences/Tivoli Storage Manager',
  '/opt/tivoli/tsm/client/ba/bin64',
  '/Library/Application Support/tivoli/tsm/client/ba/bin',
];
export const WINDOWS_INSTALL_DIRS: readonly string[] = ['C:\\Program Files\\Tivoli\\TSM\\baclient'];

/** Reads the host's paths, or a copy's. */
export class HostFs {
  constructor(
    readonly root: string | undefined,
    readonly env: NodeJS.ProcessEnv,
    readonly windows: boolean,
  ) {}

  /** Where a path of the machine is read: itself, or under --root (a Windows drive dropped; `..` cannot climb out). */
  local(p: string): string {
    if (this.root === undefined) return p;
    const posix = p
      .replace(/^[A-Za-z]:/, '')
      .split('\\')
      .join('/');
    return path.join(this.root, path.posix.normalize('/' + posix));
  }

  isFile(p: string): boolean {
    return !!statSync(this.local(p), { throwIfNoEntry: false })?.isFile();
  }

  mtime(p: string): Date | undefined {
    return statSync(this.local(p), { throwIfNoEntry: false })?.mtime;
  }

  join(dir: string, name: string): string {
    return this.windows ? path.win32.join(dir, name) : path.posix.join(dir, name);
  }

  /** The client's installation directories for this machine. */
  installDirs(): readonly string[] {
    return this.windows ? WINDOWS_INSTALL_DIRS : UNIX_INSTALL_DIRS;
  }
}

export interface Located {
  /** UNIX only. */
  sys?: string;
  opt?: string;
  /** The directory the client reads from: DSM_DIR, else the install directory where files were found. */
  dir?: string;
  /** How each was found, for the report. */
  how: string[];
}

/**
 * The option files as the client finds them.
 * https://www.ibm.com/docs/SSEQVQ_8.1.22/client/c_cfg_spevunix.html: DSM_DIR "Specifies the directory where
 * the executable file for the client executables ..., the resource files, and the dsm.sys file reside";
 * DSM_CONFIG names the client user-options file (for the acceptor, -optfile on its command line,
 * given here as `optfile`). Without DSM_CONFIG, dsm.opt is in DSM_DIR, else in the install directory
 * (https://www.ibm.com/docs/en/spfsm/8.2.2?topic=features-environment-variables).
 */
export function locate(host: HostFs, optfile?: string): Located {
  const how: string[] = [];
  const envDir = host.env.DSM_DIR || undefined;
  const dirs = envDir ? [envDir] : host.installDirs();
  let dir =
    dirs.find((d) => host.isFile(host.join(d, host.windows ? 'dsm.opt' : 'dsm.sys'))) ??
    dirs.find((d) => host.isFile(host.join(d, 'dsm.opt')));
  if (envDir) how.push(`DSM_DIR=${envDir}`);
  dir ??= envDir;
  const sys = !host.windows && dir && host.isFile(host.join(dir, 'dsm.sys')) ? host.join(dir, 'dsm.sys') : undefined;
  let opt: string | undefined;
  if (optfile) {
    opt = optfile;
    how.push(`-optfile=${optfile} (the scheduler's command line)`);
  } else if (host.env.DSM_CONFIG) {
    opt = host.env.DSM_CONFIG;
    how.push(`DSM_CONFIG=${opt}`);
  } else if (dir) {
    opt = host.join(dir, 'dsm.opt');
  }
  if (opt && !host.isFile(opt)) opt = undefined;
  return { sys, opt, dir, how };
}
