import { readdirSync, readFileSync } from 'node:fs';

/** CPU seconds used so far by this process and by every PostgreSQL server process (Linux /proc). */
export interface CpuSnapshot {
  api: CpuSeconds;
  postgres: CpuSeconds;
}

/** User and kernel time apart: on loopback sockets the kernel side of every send is charged to the sender. */
export interface CpuSeconds {
  user: number;
  system: number;
}

const TICKS_PER_SECOND = 100;

export function cpuSnapshot(): CpuSnapshot {
  const own = process.cpuUsage();
  return { api: { user: own.user / 1e6, system: own.system / 1e6 }, postgres: postgresSeconds() };
}

export interface CpuMicros {
  total: number;
  user: number;
  system: number;
}

/** Where the CPU went between two snapshots, per request: tells which side a change must shrink. */
export function cpuPerRequest(before: CpuSnapshot, after: CpuSnapshot, requests: number): { api: CpuMicros; postgres: CpuMicros } {
  const per = (from: CpuSeconds, to: CpuSeconds): CpuMicros => {
    const us = (seconds: number) => (requests > 0 ? (seconds * 1e6) / requests : 0);
    const user = us(to.user - from.user);
    const system = us(to.system - from.system);
    return { total: user + system, user, system };
  };
  return { api: per(before.api, after.api), postgres: per(before.postgres, after.postgres) };
}

function postgresSeconds(): CpuSeconds {
  let user = 0;
  let system = 0;
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return { user: 0, system: 0 };
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      // Fields after the command name: state is field 3, utime and stime are fields 14 and 15.
      const fields = stat.slice(close + 2).split(' ');
      user += Number(fields[11]);
      system += Number(fields[12]);
    } catch {
      // The process ended between listing and reading.
    }
  }
  return { user: user / TICKS_PER_SECOND, system: system / TICKS_PER_SECOND };
}
