/** Stops the embedded server that global-setup started (nothing to do with DATABASE_URL). */
export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __revcycleTestDatabase?: { stop(): Promise<void> } };
  const database = holder.__revcycleTestDatabase;
  holder.__revcycleTestDatabase = undefined;
  await database?.stop();
}
