/** The message of something thrown or rejected, for a log line. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
