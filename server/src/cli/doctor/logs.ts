/**
 * The tails of the schedule log and the error log, read for known symptoms.
 *
 * Where the logs are: SCHEDLOGNAME and ERRORLOGNAME name them; "ERRORLOGNAME overrides DSM_LOG"
 * (https://www.ibm.com/support/knowledgecenter/SSEQVQ_8.1.2/client/r_opt_errorlogname.html); DSM_LOG
 * "Points to the directory of the dsmerror.log log file"; the defaults are dsmsched.log and dsmerror.log
 * (https://www.ibm.com/docs/en/spfsm/8.2.2?topic=features-environment-variables). IBM's Linux install page
 * says that without DSM_LOG they go to the current directory
 * (https://www.ibm.com/support/knowledgecenter/de/SSGSG7_7.1.3/client/t_inst_ubuntu_x86_64client.html),
 * which for a service is not known here: the doctor looks in DSM_LOG, else in the client's directory.
 *
 * Each line starts with a date and a time in the client's DATEFORMAT (IBM's example
 * "22-09-2023 09:57:00" is DD-MM-YYYY; MM/DD/YYYY, YYYY-MM-DD and DD.MM.YYYY occur too). A date with `/`
 * is read as MM/DD unless its first number is above 12.
 */
import { closeSync, fstatSync, openSync, readSync } from 'fs';

/** Enough for days of a busy schedule log; a log is read from its end. */
export const TAIL_BYTES = 1024 * 1024;

export function readTail(file: string): string | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const text = buffer.toString('utf8');
    return length < size ? text.slice(text.indexOf('\n') + 1) : text;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The time a log line starts with, in the host's local time. */
export function lineTime(line: string): Date | undefined {
  const m = /^\s*(\d{1,4})([-/.])(\d{1,2})\2(\d{2,4})\s+(\d{1,2}):(\d{2}):(\d{2})/.exec(line);
  if (!m) return undefined;
  const [a, b, c] = [Number(m[1]), Number(m[3]), Number(m[4])];
  let y: number, mo: number, d: number;
  if (m[1].length === 4) [y, mo, d] = [a, b, c];
  else {
    y = c < 100 ? c + 2000 : c;
    if (m[2] === '/' && a <= 12) [mo, d] = [a, b];
    else [d, mo] = [a, b];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  return new Date(y, mo - 1, d, Number(m[5]), Number(m[6]), Number(m[7]));
}

export type SymptomId = 'waiting' | 'next-scheduled' | 'completed' | 'ANS1017E' | 'ANS2050E' | 'other-message';

export interface Symptom {
  id: SymptomId;
  /** The last line that shows it. */
  time?: Date;
  line: number;
  text: string;
  count: number;
  /** For other-message: the message numbers seen. */
  messages?: string[];
}

/**
 * What each symptom means, with IBM's page where we found one.
 * - ANS2050E: "If PASSWORDACCESS=PROMPT or if the password that is stored locally is incorrect, TSM attempts
 *   to prompt the user for the password. The attempt to prompt the user fails because TSM is running in
 *   the background." https://www.ibm.com/support/knowledgecenter/SSGSG7_7.1.2/com.ibm.itsm.msgs.client.doc/msg-ANS2050E.html
 * - ANS1017E: "Session rejected: TCP/IP connection failure" is the message's own text; its page in IBM's
 *   message reference (https://www.ibm.com/docs/en/SSEQVQ_8.2.0/client.msgs/r_client_messages.html) was not
 *   found in what we could read, so the doctor gives only that text.
 * - "Next operation scheduled:" is the schedule log's entry after the scheduler queried the server for
 *   its next schedule (example on help.it.ox.ac.uk/node/1380051; IBM's schedule-log table lists the
 *   schedule name, action and "Server window start").
 * - "Scheduled event <name> completed successfully": IBM, "Understanding the Scheduler Log" (the 5.1
 *   backup-archive client book, index.storsys.ibm.com/tivoli-storage-management/swap/book_eng_nt_51.zip).
 * - "Waiting to be contacted by the server.": what a server-prompted scheduler logs while it waits; no
 *   IBM page for the text was found.
 */
const PATTERNS: readonly [SymptomId, RegExp][] = [
  ['waiting', /Waiting to be contacted by the server/i],
  ['next-scheduled', /Next operation scheduled/i],
  ['completed', /Scheduled event .* completed successfully/i],
  ['ANS1017E', /\bANS1017E\b/],
  ['ANS2050E', /\bANS2050E\b/],
  ['other-message', /\bANS\d{4}[ES]\b/],
];

export function symptoms(text: string): Map<SymptomId, Symptom> {
  const found = new Map<SymptomId, Symptom>();
  let lastTime: Date | undefined;
  const lines = text.split(/\r\n|\n/);
  lines.forEach((line, i) => {
    lastTime = lineTime(line) ?? lastTime;
    const hit = PATTERNS.find(([, re]) => re.test(line));
    if (!hit) return;
    const [id] = hit;
    const prev = found.get(id);
    const s: Symptom = {
      id,
      time: lineTime(line) ?? lastTime,
      line: i,
      text: line.trim(),
      count: (prev?.count ?? 0) + 1,
      messages: prev?.messages,
    };
    if (id === 'other-message') {
      const number = /\bANS\d{4}[ES]\b/.exec(line)![0];
      s.messages = [...new Set([...(prev?.messages ?? []), number])];
    }
    found.set(id, s);
  });
  return found;
}
