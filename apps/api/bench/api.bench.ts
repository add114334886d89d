import 'reflect-metadata';

import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork } from 'node:child_process';

import { appConnectionString, ensureRoles, EventStoreHealth, EventStoreModule, freePort, runMigrations, startEmbeddedDatabase } from '@revcycle/event-store';
import { createPinoLogger, resolveJwtConfig, signDevToken } from '@revcycle/platform';

import { ApiModule } from '../src/api.module';
import { allMigrations, contextHttpModules, contextModules } from '../src/composition';
import { createApiApp } from '../src/create-api-app';
import { BenchModule } from './bench.module';
import { cpuPerRequest, cpuSnapshot, type CpuMicros } from './cpu-usage';
import type { LoadResult, LoadSpec } from './load';
import { rawInsertRate } from './raw-insert';

/**
 * `npm run bench:api`: booking throughput and latency at 32 connections through the real HTTP stack
 * (JWT, validation, idempotency key, stream reads, calendar and appointment appends), beside two
 * baselines from the same run: a bare route of the same app and raw INSERT + COMMIT on the same
 * PostgreSQL. The API runs without in-process consumers, as an API beside a separate worker does, and
 * with the young-generation size `npm start` gives it (`--max-semi-space-size`, see package.json).
 */
const CONNECTIONS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROVIDERS = 512;
const PATIENTS = 16;

async function main(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'revcycle-api-bench-'));
  const database = await startEmbeddedDatabase(folder, { persistent: false });
  const appPassword = randomBytes(18).toString('base64url');
  try {
    await ensureRoles(database.adminUrl, appPassword);
    const migrations = allMigrations();
    await runMigrations(database.adminUrl, migrations);
    const env = { JWT_SECRET: randomBytes(48).toString('base64url'), NODE_ENV: 'production' };
    const app = await createApiApp(
      ApiModule.register({
        env,
        logger: createPinoLogger({ level: 'warn' }),
        imports: [
          EventStoreModule.forRoot({ appUrl: appConnectionString(database.adminUrl, appPassword), migrations, runConsumers: false, poolSize: CONNECTIONS }),
          ...contextModules,
          ...contextHttpModules,
          BenchModule,
        ],
        readiness: { useExisting: EventStoreHealth },
      }),
    );
    const port = await freePort();
    await app.listen({ port, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${port}`;
    const jwt = resolveJwtConfig(env);
    const token = (role: 'admin' | 'front_desk') => signDevToken(jwt, { tenant: 'bench-practice', role, sub: `bench-${role}`, ttl: '1h' });
    const setup = await seed(base, await token('admin'), await token('front_desk'));

    const bare = await load({ port, connections: CONNECTIONS, seconds: Math.min(SECONDS, 5) });
    const booking = { token: await token('front_desk'), ...setup, firstSlot: Date.UTC(new Date().getUTCFullYear() + 1, 0, 5), offset: 0 };
    const warmUp = await load({ port, connections: CONNECTIONS, seconds: 2, booking });
    const before = cpuSnapshot();
    const book = await load({ port, connections: CONNECTIONS, seconds: SECONDS, booking: { ...booking, offset: warmUp.sent } });
    const cpu = cpuPerRequest(before, cpuSnapshot(), book.rps * SECONDS);
    await app.close();
    const raw = await rawInsertRate(database.adminUrl, CONNECTIONS, Math.min(SECONDS, 5));

    const rows: Array<[string, string, string, string, string]> = [
      ['workload', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
      ['book appointment (HTTP)', book.rps.toFixed(0), book.p50.toFixed(1), book.p99.toFixed(1), String(book.errors)],
      ['bare route (HTTP)', bare.rps.toFixed(0), bare.p50.toFixed(1), bare.p99.toFixed(1), String(bare.errors)],
      ['raw INSERT + COMMIT (pg)', raw.rps.toFixed(0), raw.p50Ms.toFixed(2), raw.p99Ms.toFixed(2), '0'],
    ];
    for (const row of rows) process.stdout.write(`${row[0].padEnd(28)}${row.slice(1).map((c) => c.padStart(10)).join('')}\n`);
    process.stdout.write(
      `CPU per booking: API process ${micros(cpu.api)}, PostgreSQL ${micros(cpu.postgres)}, load generator ${book.generatorCpuUs.toFixed(0)} µs\n`,
    );
    process.stdout.write(`booking / raw insert: ${(book.rps / raw.rps).toFixed(2)} (target ≥ 0.30); booking p99 target < 50 ms\n`);
    process.stdout.write(
      `${JSON.stringify({ book_rps: Math.round(book.rps), book_p99_ms: Math.round(book.p99 * 10) / 10, bare_rps: Math.round(bare.rps), raw_insert_rps: Math.round(raw.rps) })}\n`,
    );
  } finally {
    await database.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

const micros = ({ total, user, system }: CpuMicros) => `${total.toFixed(0)} µs (user ${user.toFixed(0)}, kernel ${system.toFixed(0)})`;

/** Runs one load in a child process (see load.ts) and returns its figures. */
function load(spec: LoadSpec): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = fork(join(__dirname, 'load.js'), [], { env: { ...process.env, BENCH_LOAD: JSON.stringify(spec) } });
    child.once('message', (result) => resolve(result as LoadResult));
    child.once('error', reject);
    child.once('exit', (code) => code !== 0 && reject(new Error(`load generator exited with ${code}`)));
  });
}

/** Practice, location, policies, providers and self-pay patients, through the same API. */
async function seed(base: string, admin: string, frontDesk: string): Promise<{ locationId: string; providers: string[]; patients: string[] }> {
  const post = async (token: string, path: string, body: unknown): Promise<Record<string, string>> => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as Record<string, string>;
  };
  const address = { line1: '1 Bench Way', city: 'Springfield', state: 'IL', postalCode: '62701' };
  await post(admin, '/v1/practice', { legalName: 'Bench Practice', taxId: '12-3456789', groupNpi: '1234567893', billingAddress: address, taxonomyCode: '261QM0801X', timeZone: 'UTC' });
  const { locationId } = await post(admin, '/v1/practice/locations', { name: 'Office', address, defaultPlaceOfService: '11' });
  const enroll = (i: number) =>
    post(admin, '/v1/providers', { npi: '1234567893', displayName: `Bench ${i}`, taxonomyCode: '1041C0700X', credential: 'LCSW', activeFrom: '2025-01-01' });
  const providers: string[] = [];
  for (let i = 0; i < PROVIDERS; i += 32) {
    providers.push(...(await Promise.all(Array.from({ length: 32 }, (_, j) => enroll(i + j)))).map((r) => r.providerId));
  }
  const patient = { phi: { firstName: 'Bench', lastName: 'Patient', birthDate: '1990-01-01', administrativeSex: 'U', address }, guarantor: { kind: 'self' }, contactPreferences: { channels: [], appointmentReminders: false, voicemailAllowed: false } };
  const patients = (await Promise.all(Array.from({ length: PATIENTS }, () => post(frontDesk, '/v1/patients', patient)))).map((r) => r.patientId);
  return { locationId, providers, patients };
}

main().catch((error: Error) => {
  process.stderr.write(`bench:api failed: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
