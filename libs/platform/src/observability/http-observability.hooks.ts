import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import type { FastifyInstance } from 'fastify';

import type { PinoLoggerService } from './logger.service';
import { httpRequestSeconds } from './metrics.registry';

/** A caller's request id is kept only when it is safe to echo and log. */
const CALLER_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify `genReqId`: the caller's `X-Request-Id` when well-formed, a fresh UUID otherwise. */
export function requestIdFor(request: IncomingMessage): string {
  const header = request.headers['x-request-id'];
  return typeof header === 'string' && CALLER_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * Echoes the request id, then after each response writes one log line and one histogram sample
 * keyed by the route pattern (never the raw URL, which carries ids and query terms).
 */
export function installHttpObservability(fastify: FastifyInstance, logger: PinoLoggerService): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const status = reply.statusCode;
    const latencyMs = reply.elapsedTime;
    httpRequestSeconds.observe({ method: request.method, route, status: String(status) }, latencyMs / 1000);
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    logger.pino[level](
      { requestId: request.id, method: request.method, route, status, latencyMs: Math.round(latencyMs * 100) / 100 },
      'request completed',
    );
    done();
  });
}
