import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by this process and by every PostgreSQL server process (Linux /proc). */
export interface CpuSnapshot {
  api: number;
  postgres: number;
}

const TICKS_PER_SECOND = 100;

export function cpuSnapshot(): CpuSnapshot {
  const own = process.cpuUsage();
  return { api: (own.user + own.system) / 1e6, postgres: postgresSeconds() };
}

/** Where the CPU went between two snapshots, per request: tells which side a change must shrink. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): { apiUs: number; postgresUs: number } {
  const per = (seconds: number) => (requests > 0 ? (seconds * 1e6) / requests : 0);
  return { apiUs: per(after.api - before.api), postgresUs: per(after.postgres - before.postgres) };
}

function postgresSeconds(): number {
  let ticks = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
      const fields = stat.slice(close + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return ticks / TICKS_PER_SECOND;
}
