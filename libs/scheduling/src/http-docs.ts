import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiResponse } from '@nestjs/swagger';

/** OpenAPI for a command route: the idempotency key it requires and, for existing streams, If-Match. */
export function CommandDocs(summary: string, options: { ifMatch?: boolean } = {}): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiHeader({ name: 'Idempotency-Key', required: true, description: 'Client key; a retry with the same key gets the same answer' }),
    ...(options.ifMatch
      ? [ApiHeader({ name: 'If-Match', required: false, description: 'The ETag last seen; a stale one is answered 412' })]
      : []),
    ApiResponse({ status: 400, description: 'Invalid input (problem+json naming the field)' }),
    ApiResponse({ status: 409, description: 'Already done, or a concurrent change' }),
    ApiResponse({ status: 422, description: 'Refused by a business rule (problem+json with a stable code)' }),
  );
}
