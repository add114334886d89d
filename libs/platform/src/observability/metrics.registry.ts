import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The one metrics registry of the process. Metric objects are module-level so the event store and
 * consumer runner can record without a Nest container (benchmarks, the CLI's rebuild command).
 */
export const metricsRegistry = new Registry();

export const httpRequestSeconds = new Histogram({
  name: 'revcycle_http_request_duration_seconds',
  help: 'HTTP request latency by method, route pattern and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const eventStoreAppendSeconds = new Histogram({
  name: 'revcycle_event_store_append_seconds',
  help: 'Latency of one stream append, including its idempotency ledger write',
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [metricsRegistry],
});

export const consumerLag = new Gauge({
  name: 'revcycle_consumer_lag_events',
  help: 'Events in the global log after the consumer checkpoint',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

export const consumerParked = new Gauge({
  name: 'revcycle_consumer_parked_events',
  help: 'Events parked by the consumer after exhausting retries (non-zero halts it)',
  labelNames: ['consumer'] as const,
  registers: [metricsRegistry],
});

let defaultsEnabled = false;

/** Adds process metrics (CPU, memory, event loop lag) once per process. */
export function enableProcessMetrics(): void {
  if (defaultsEnabled) return;
  defaultsEnabled = true;
  collectDefaultMetrics({ register: metricsRegistry, prefix: 'revcycle_' });
}
