import type { FastifyInstance } from 'fastify';

/**
 * Response headers every answer carries (LIM-10): HSTS so browsers never fall back to plain HTTP,
 * no MIME sniffing of JSON, no framing, and no referrer leaking ids in URLs.
 */
export function installSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (_request, reply, payload, done) => {
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'no-referrer');
    done(null, payload);
  });
}
