import { Catch, HttpStatus, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

import { PinoLoggerService } from '../observability/logger.service';
import { toProblem } from './problem-details.mapper';

/**
 * Catches everything a route throws and answers with RFC 9457 problem+json. Nest also routes
 * Fastify's own failures here (body limit, malformed JSON, prototype-poisoning keys), mapped to
 * HttpExceptions that keep the Fastify error as their cause.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: PinoLoggerService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = toProblem(error, {
      path: request.url.split('?')[0],
      requestId: request.id,
      conditional: request.headers['if-match'] !== undefined,
    });
    if (body.status >= 500) {
      this.logger.pino.error({ err: error, requestId: request.id }, 'request failed');
    }
    if (reply.sent) return;
    if (body.status === HttpStatus.UNAUTHORIZED) reply.header('www-authenticate', 'Bearer');
    reply
      .status(body.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(JSON.stringify(body));
  }
}
