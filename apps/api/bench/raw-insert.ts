import { Client } from 'pg';

export interface RawInsertResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * The floor the booking path is compared with: `clients` connections each running single-row
 * INSERTs (autocommit, so each is its own COMMIT and WAL flush) for `seconds`, on the same server.
 */
export async function rawInsertRate(adminUrl: string, clients: number, seconds: number): Promise<RawInsertResult> {
  const setup = new Client({ connectionString: adminUrl });
  await setup.connect();
  await setup.query('CREATE TABLE IF NOT EXISTS public.bench_raw_insert (id bigserial PRIMARY KEY, payload jsonb NOT NULL)');
  await setup.end();
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    connections.map(async (client, index) => {
      for (let n = 0; Date.now() < deadline; n++) {
        const started = process.hrtime.bigint();
        await client.query('INSERT INTO public.bench_raw_insert (payload) VALUES ($1)', [JSON.stringify({ client: index, n })]);
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
    }),
  );
  await Promise.all(connections.map((client) => client.end()));
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99) };
}
