import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';

import type { EventMetadata, NewEvent } from '@revcycle/event-store';

export const BENCH_TENANT = 'practice-bench';
export const EVENT_TYPE = 'claims.ClaimSubmitted';

/** Timing of every append measurement; the warm-up fills pools and plan caches before counting. */
export const WINDOW = { warmupMs: 1_000, durationMs: 4_000 };
export const CONCURRENCY = [1, 8, 32] as const;

/** Envelope metadata as the command pipeline writes it: ids, role and time only, never PHI. */
export function sampleMetadata(): EventMetadata {
  return {
    tenantId: BENCH_TENANT,
    actor: { id: randomUUID(), role: 'biller' },
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    requestId: randomUUID(),
    occurredAt: new Date().toISOString(),
  };
}

/** A claim submission of about 300 bytes of JSON, shaped like the claims context's payload. */
export function sampleData(): Record<string, unknown> {
  return {
    claimId: randomUUID(),
    encounterId: randomUUID(),
    payerId: 'payer-60054',
    serviceLines: [{ procedure: '90837', modifiers: ['95'], units: 1, chargeCents: 18_000, diagnosisPointers: [1, 2] }],
    diagnoses: ['F41.1', 'F33.1'],
    totalChargeCents: 18_000,
    serviceDate: '2026-01-15',
  };
}

export function sampleEvent(): NewEvent {
  return { eventId: randomUUID(), type: EVENT_TYPE, schemaVersion: 1, data: sampleData(), metadata: sampleMetadata() };
}

export interface Rate {
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Runs `clients` loops of `op` back to back for the warm-up plus the measured window and counts the
 * operations that finished inside the window; each loop waits for its own answer, like a request.
 */
export async function measureRate(clients: number, op: () => Promise<unknown>): Promise<Rate> {
  const from = performance.now() + WINDOW.warmupMs;
  const to = from + WINDOW.durationMs;
  const latencies: number[] = [];
  const client = async (): Promise<void> => {
    while (performance.now() < to) {
      const started = performance.now();
      await op();
      const finished = performance.now();
      if (started >= from && finished < to) latencies.push(finished - started);
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  latencies.sort((a, b) => a - b);
  return {
    perSecond: Math.round(latencies.length / (WINDOW.durationMs / 1000)),
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}
