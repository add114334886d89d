import { randomUUID } from 'node:crypto';
import autocannon from 'autocannon';

/** What the benchmark asks of one load run; passed as JSON in `BENCH_LOAD`. */
export interface LoadSpec {
  url: string;
  connections: number;
  seconds: number;
  /** Absent for the bare route; present, each request books a distinct slot. */
  booking?: { token: string; locationId: string; providers: string[]; patients: string[]; firstSlot: number; offset: number };
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  sent: number;
}

const SLOT_MS = 3_600_000;

/**
 * The load generator, in its own process so that it does not share the server's event loop. Each
 * booking rotates providers and moves to the next hour once every provider has one, so requests
 * do not conflict, and carries its own idempotency key.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadSpec;
  let sent = 0;
  const booking = spec.booking;
  const requests = booking
    ? [
        {
          method: 'POST' as const,
          path: '/v1/appointments',
          setupRequest: (request: Record<string, unknown>) => {
            const n = booking.offset + sent++;
            const start = booking.firstSlot + Math.floor(n / booking.providers.length) * SLOT_MS;
            const body = {
              patientId: booking.patients[n % booking.patients.length],
              providerId: booking.providers[n % booking.providers.length],
              locationId: booking.locationId,
              modality: 'in_person',
              serviceCode: '90837',
              plannedUnits: 1,
              start: new Date(start).toISOString(),
              end: new Date(start + 53 * 60_000).toISOString(),
            };
            const headers = { authorization: `Bearer ${booking.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() };
            return { ...request, headers, body: JSON.stringify(body) };
          },
        },
      ]
    : undefined;
  const result = await autocannon({ url: spec.url, connections: spec.connections, duration: spec.seconds, requests });
  const report: LoadResult = {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    sent,
  };
  process.send?.(report);
}

void main();
