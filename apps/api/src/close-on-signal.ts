/** Closes the given resources in order on SIGINT or SIGTERM, then exits (Nest app first, database last). */
export function closeOnSignal(...closers: Array<{ close(): Promise<unknown> }>): void {
  const stop = async () => {
    for (const closer of closers) await closer.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
