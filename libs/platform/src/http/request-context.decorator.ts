import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ValidationFailed, type CommandContext } from '@revcycle/kernel';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { principalOf } from '../auth/access.guard';

/** Header values copied into event metadata and logs: printable ASCII without spaces, bounded. */
const TOKEN_VALUE = /^[\x21-\x7e]{1,128}$/;
const STRONG_ETAG = /^"(0|[1-9][0-9]{0,18})"$/;

/**
 * The command context of an authenticated request: tenant and actor from the verified token only
 * (AUTHZ-5), tracing ids from the edge, and the clock read once here so deciders stay pure.
 */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): CommandContext => {
  return commandContextOf(context.switchToHttp().getRequest<FastifyRequest>());
});

/** The expected stream version from `If-Match: "<n>"`, or undefined when the header is absent. */
export const IfMatch = createParamDecorator((_data: unknown, context: ExecutionContext): bigint | undefined => {
  return parseIfMatch(context.switchToHttp().getRequest<FastifyRequest>().headers['if-match']);
});

export function commandContextOf(request: FastifyRequest): CommandContext {
  const principal = principalOf(request);
  if (!principal) {
    // Only a route without an authenticated caller can get here: a wiring mistake, not bad input.
    throw new Error('@Ctx() used on a route that did not authenticate its caller');
  }
  const requestId = request.id;
  return {
    tenantId: principal.tenantId,
    actor: { ...principal.actor },
    requestId,
    correlationId: optionalToken(request, 'x-correlation-id') ?? requestId,
    commandId: optionalToken(request, 'idempotency-key'),
    now: new Date(),
  };
}

export function parseIfMatch(header: string | string[] | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const match = typeof header === 'string' ? STRONG_ETAG.exec(header.trim()) : null;
  if (!match) {
    throw new ValidationFailed([{ path: 'headers.if-match', message: 'must be one version tag such as "3"' }]);
  }
  return BigInt(match[1]);
}

/** Sets the `ETag` of a reply to a stream version, the value a later `If-Match` sends back. */
export function setETag(reply: FastifyReply, version: bigint | number): void {
  reply.header('etag', `"${version.toString()}"`);
}

function optionalToken(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !TOKEN_VALUE.test(value)) {
    throw new ValidationFailed([
      { path: `headers.${name}`, message: 'must be 1 to 128 printable characters without spaces' },
    ]);
  }
  return value;
}
