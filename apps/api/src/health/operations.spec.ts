import { Body, Controller, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PinoLoggerService, Roles } from '@revcycle/platform';
import { IsString } from 'class-validator';

import { buildSpecApp, FakeReadiness, specToken } from '../http/api-spec.fixture';

class PatientDto {
  @IsString()
  firstName: string;

  @IsString()
  lastName: string;

  @IsString()
  dateOfBirth: string;

  @IsString()
  memberId: string;
}

/** A handler that logs its command the careless way, to prove the logger censors it. */
@Controller('patients')
class PatientSpecController {
  constructor(private readonly logger: PinoLoggerService) {}

  @Post()
  @Roles('front_desk')
  register(@Body() body: PatientDto): { registered: true } {
    this.logger.pino.info({ command: { patient: body } }, 'registering patient\nFORGED LINE');
    return { registered: true };
  }
}

const PHI = { firstName: 'Zelda', lastName: 'Fitzgerald', dateOfBirth: '1900-07-24', memberId: 'MBR998877' };

describe('operations endpoints and logs', () => {
  let app: NestFastifyApplication;
  const readiness = new FakeReadiness();
  const lines: string[] = [];

  beforeAll(async () => {
    app = await buildSpecApp([PatientSpecController], { readiness, logs: { write: (line: string) => void lines.push(line) } });
  });
  afterAll(() => app.close());

  it('logs one line per request with request id, route pattern, status and latency, and no PHI', async () => {
    const token = await specToken({ sub: 'fd-1', tenant: 'practice-a', role: 'front_desk' });
    const response = await app.inject({
      method: 'POST',
      url: '/patients',
      headers: { authorization: `Bearer ${token}`, 'x-request-id': 'req-log-1' },
      payload: PHI,
    });
    expect(response.statusCode).toBe(201);

    const output = lines.join('');
    for (const value of [...Object.values(PHI), token]) expect(output).not.toContain(value);
    expect(output).not.toContain('\\nFORGED');
    const records = lines.map((line) => JSON.parse(line));
    expect(records.find((record) => record.msg === 'registering patient FORGED LINE').command.patient.firstName).toBe('[REDACTED]');
    expect(records).toContainEqual(
      expect.objectContaining({ msg: 'request completed', requestId: 'req-log-1', route: '/patients', status: 201, latencyMs: expect.any(Number) }),
    );
  });

  it('exposes the HTTP latency histogram by route pattern and status at /metrics', async () => {
    await app.inject({ method: 'GET', url: '/health/live' });
    const response = await app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/plain/);
    expect(response.body).toMatch(/revcycle_http_request_duration_seconds_count\{method="GET",route="\/health\/live",status="200"\} [1-9]/);
    expect(response.body).toContain('revcycle_event_store_append_seconds');
  });

  it('serves an OpenAPI document with the bearer scheme at /docs-json and the UI at /docs', async () => {
    const document = (await app.inject({ method: 'GET', url: '/docs-json' })).json();
    expect(document.openapi).toMatch(/^3\./);
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/patients', '/health/ready']));
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });

    const ui = await app.inject({ method: 'GET', url: '/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers live while the process runs', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/live' });
    expect(response.statusCode).toBe(200);
    expect(response.json().status).toBe('ok');
  });

  it('is ready when the database is up, migrations applied and no consumer parked', async () => {
    const response = await app.inject({ method: 'GET', url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json().details.eventStore.consumers[0]).toMatchObject({ name: 'claim-status', lagEvents: 3 });
  });

  it.each([
    ['the database is down', { database: { up: false } }],
    ['migrations are pending', { migrations: { applied: false, pending: ['0004_claims'] } }],
    ['a consumer is parked', { consumers: [{ name: 'ar-aging', version: 2, lagEvents: 40, status: 'halted', parkedEvents: 1 }] }],
  ])('is not ready when %s', async (_case, change) => {
    const healthy = readiness.report;
    readiness.report = { ...healthy!, ...change };
    try {
      const response = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ status: 'error', error: { eventStore: { status: 'down' } } });
    } finally {
      readiness.report = healthy;
    }
  });

  it('is not ready when the readiness source itself fails', async () => {
    const healthy = readiness.report;
    readiness.report = undefined;
    try {
      const response = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.body).not.toContain('pool exhausted');
    } finally {
      readiness.report = healthy;
    }
  });
});
