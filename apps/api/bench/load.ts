import { randomUUID } from 'node:crypto';
import { connect, type Socket } from 'node:net';

/** What the benchmark asks of one load run; passed as JSON in `BENCH_LOAD`. */
export interface LoadSpec {
  port: number;
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
  /** CPU the generator itself used per request, so its share of the machine is visible. */
  generatorCpuUs: number;
}

const SLOT_MS = 3_600_000;

/**
 * The load generator, in its own process so that it does not share the server's event loop. It
 * keeps `connections` HTTP/1.1 keep-alive connections, each with one request outstanding, and writes
 * each request as one buffer: the generator shares this machine's two cores with the server and the
 * database, so it does as little as a client can. Each booking rotates providers and moves to the
 * next hour once every provider has one, so requests do not conflict, and carries its own
 * idempotency key.
 */
async function main(): Promise<void> {
  const spec = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadSpec;
  const latencies: number[] = [];
  let sent = 0;
  let errors = 0;
  const deadline = Date.now() + spec.seconds * 1000;
  const nextRequest = requestWriter(spec, () => sent++);
  const started = process.cpuUsage();
  await Promise.all(
    Array.from({ length: spec.connections }, () =>
      drive(spec.port, deadline, nextRequest, (ms, ok) => {
        latencies.push(ms);
        if (!ok) errors++;
      }),
    ),
  );
  const cpu = process.cpuUsage(started);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  const report: LoadResult = {
    rps: latencies.length / spec.seconds,
    p50: at(0.5),
    p99: at(0.99),
    errors,
    sent,
    generatorCpuUs: latencies.length ? (cpu.user + cpu.system) / latencies.length : 0,
  };
  process.send?.(report);
}

/** The bytes of the next request: the bare GET, or a booking POST for the next slot. */
function requestWriter(spec: LoadSpec, count: () => number): () => Buffer {
  const booking = spec.booking;
  if (!booking) {
    const bare = Buffer.from('GET /bench/bare HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n');
    return () => (count(), bare);
  }
  return () => {
    const n = booking.offset + count();
    const start = booking.firstSlot + Math.floor(n / booking.providers.length) * SLOT_MS;
    const body = JSON.stringify({
      patientId: booking.patients[n % booking.patients.length],
      providerId: booking.providers[n % booking.providers.length],
      locationId: booking.locationId,
      modality: 'in_person',
      serviceCode: '90837',
      plannedUnits: 1,
      start: new Date(start).toISOString(),
      end: new Date(start + 53 * 60_000).toISOString(),
    });
    return Buffer.from(
      `POST /v1/appointments HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${booking.token}\r\n` +
        `content-type: application/json\r\nidempotency-key: ${randomUUID()}\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  };
}

/** One connection: send, wait for the whole response, record it, repeat until the deadline. */
function drive(port: number, deadline: number, nextRequest: () => Buffer, record: (ms: number, ok: boolean) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ port, host: '127.0.0.1', noDelay: true });
    let pending: Buffer = Buffer.alloc(0);
    let sentAt = 0n;
    const send = () => {
      if (Date.now() >= deadline) {
        socket.end();
        return resolve();
      }
      sentAt = process.hrtime.bigint();
      socket.write(nextRequest());
    };
    socket.once('connect', send);
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      const response = completeResponse(pending);
      if (!response) return;
      record(Number(process.hrtime.bigint() - sentAt) / 1e6, response.status >= 200 && response.status < 300);
      pending = pending.subarray(response.length);
      send();
    });
  });
}

/** Status and total length of the first response in `data`, once all of it has arrived. */
function completeResponse(data: Buffer): { status: number; length: number } | undefined {
  const headEnd = data.indexOf('\r\n\r\n');
  if (headEnd < 0) return undefined;
  const head = data.toString('latin1', 0, headEnd);
  const length = /\r\ncontent-length: *(\d+)/i.exec(head);
  if (!length) throw new Error('The API answered without a content-length; the generator reads only sized responses');
  const total = headEnd + 4 + Number(length[1]);
  return data.length < total ? undefined : { status: Number(head.slice(9, 12)), length: total };
}

void main();
