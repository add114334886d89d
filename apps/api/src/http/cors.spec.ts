import { Controller, Get, Post } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Public } from '@revcycle/platform';

import { buildSpecApp } from './api-spec.fixture';

@Controller('cors-spec')
class CorsSpecController {
  @Get()
  @Public()
  read(): { ok: true } {
    return { ok: true };
  }

  @Post()
  @Public()
  write(): { ok: true } {
    return { ok: true };
  }
}

const FRONT_END = 'https://app.example.org';

describe('CORS (LIM-10)', () => {
  describe('with an allow-list', () => {
    let app: NestFastifyApplication;
    beforeAll(async () => {
      app = await buildSpecApp([CorsSpecController], { env: { CORS_ALLOWED_ORIGINS: FRONT_END } });
    });
    afterAll(() => app.close());

    const preflight = (origin: string) =>
      app.inject({
        method: 'OPTIONS',
        url: '/cors-spec',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key,if-match' },
      });

    it('answers a listed origin’s preflight with the methods and headers a command needs', async () => {
      const response = await preflight(FRONT_END);
      expect(response.statusCode).toBe(204);
      expect(response.headers['access-control-allow-origin']).toBe(FRONT_END);
      expect(String(response.headers['access-control-allow-methods'])).toContain('POST');
      expect(String(response.headers['access-control-allow-headers']).split(/,\s*/)).toEqual(
        expect.arrayContaining(['authorization', 'content-type', 'idempotency-key', 'if-match']),
      );
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
      expect(String(response.headers.vary)).toMatch(/origin/i);
    });

    it('lets a listed origin read the answer and its version header', async () => {
      const response = await app.inject({ method: 'GET', url: '/cors-spec', headers: { origin: FRONT_END } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBe(FRONT_END);
      expect(String(response.headers['access-control-expose-headers'])).toContain('etag');
    });

    it.each(['https://evil.example.net', 'https://app.example.org.evil.net', 'http://app.example.org', 'null'])(
      'gives %p no CORS permission, on a preflight or a request',
      async (origin) => {
        const answers = [await preflight(origin), await app.inject({ method: 'GET', url: '/cors-spec', headers: { origin } })];
        for (const response of answers) expect(response.headers['access-control-allow-origin']).toBeUndefined();
      },
    );
  });

  it('without an allow-list, sends no CORS headers to any origin', async () => {
    const app = await buildSpecApp([CorsSpecController]);
    try {
      const response = await app.inject({ method: 'GET', url: '/cors-spec', headers: { origin: FRONT_END } });
      expect(response.statusCode).toBe(200);
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
