/**
 * With PASSWORDACCESS GENERATE the scheduler logs in with a password the
 * client stored; without one it cannot log in unattended. Where IBM says the
 * client keeps it (PASSWORDDIR):
 * - "The default directory for AIX is /etc/security/adsm and for other UNIX and Linux platforms it is
 *   /etc/adsm. The default directory for Mac is /Library/Preferences/Tivoli Storage Manager."
 * - from 8.1.2: "the password file that is created by the client is always named TSM.sth. In turn three
 *   files comprise a password file. TSM.KDB stores the encrypted passwords. TSM.sth stores the random
 *   encryption key ... TSM.IDX is an index file"
 *   https://www.ibm.com/support/knowledgecenter/en/SSEQVQ_8.1.2/client/r_opt_passworddir.html
 * - before (7.1): "the password file created by the client is always named TSM.PWD"
 *   https://www.ibm.com/support/knowledgecenter/SSGSG7_7.1.6/client/r_opt_passworddir.html
 * The client's version is not read here, so either is accepted. PASSWORDDIR is "valid for all UNIX
 * clients": for Windows we found no page, and say "not checked".
 */
import { readdirSync } from 'fs';
import type { HostFs } from './locate';

export type PasswordState =
  | { state: 'stored'; dir: string; files: string[] }
  | { state: 'missing'; dir: string }
  | { state: 'not checked'; dir?: string; why: string };

export function defaultPasswordDir(platform: NodeJS.Platform): string | undefined {
  if (platform === 'aix') return '/etc/security/adsm';
  if (platform === 'darwin') return '/Library/Preferences/Tivoli Storage Manager';
  if (platform === 'win32') return undefined;
  return '/etc/adsm';
}

export function storedPassword(host: HostFs, dir: string | undefined): PasswordState {
  if (dir === undefined)
    return {
      state: 'not checked',
      why: 'IBM documents PASSWORDDIR for UNIX clients only; where a Windows client keeps its password is not checked',
    };
  let names: string[];
  try {
    names = readdirSync(host.local(dir));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { state: 'missing', dir };
    return {
      state: 'not checked',
      dir,
      why: `${dir} cannot be read (${code ?? (e as Error).message}); run the doctor as the user the scheduler runs as (usually root)`,
    };
  }
  const has = (n: string) => names.find((x) => x.toLowerCase() === n.toLowerCase());
  const kdb = has('TSM.KDB');
  const sth = has('TSM.sth');
  const pwd = has('TSM.PWD');
  if (kdb && sth) return { state: 'stored', dir, files: [kdb, sth] };
  if (pwd) return { state: 'stored', dir, files: [pwd] };
  return { state: 'missing', dir };
}
