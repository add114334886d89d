/** What the event store reports about itself; the lead's `EventStoreHealth` binds to this port. */
export interface ReadinessReport {
  database: { up: boolean };
  migrations: { applied: boolean; pending: string[] };
  consumers: Array<{ name: string; version: number; lagEvents: number; status: string; parkedEvents: number }>;
}

/** Source of readiness facts, injected into the health endpoint as a DI token. */
export abstract class ReadinessSource {
  abstract readiness(): Promise<ReadinessReport>;
}

/** Consumer states that mean it has stopped making progress and needs an operator. */
const STOPPED_STATES = new Set(['halted', 'parked', 'failed', 'stopped']);

/**
 * Ready means: the database answers, every migration is applied, and no consumer is halted or holds
 * parked events (a stopped projection serves stale screens). Lag alone does not make the API unready.
 */
export function assessReadiness(report: ReadinessReport): { ready: boolean; problems: string[] } {
  const problems: string[] = [];
  if (!report.database.up) problems.push('database is unreachable');
  if (!report.migrations.applied) {
    problems.push(`migrations pending: ${report.migrations.pending.join(', ') || 'unknown'}`);
  }
  for (const consumer of report.consumers) {
    if (STOPPED_STATES.has(consumer.status.toLowerCase()) || consumer.parkedEvents > 0) {
      problems.push(`consumer ${consumer.name} v${consumer.version} is ${consumer.status} with ${consumer.parkedEvents} parked events`);
    }
  }
  return { ready: problems.length === 0, problems };
}
