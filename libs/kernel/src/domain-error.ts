/**
 * A broken business invariant. `code` is stable (`<CONTEXT>.<SNAKE_CASE>`) and the HTTP layer maps
 * its family to a status; `details` must never hold PHI because errors end up in logs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** One invalid field of a request, with its path (`lines[2].units`). */
export interface FieldViolation {
  path: string;
  message: string;
}

/** Input that failed validation; maps to 400 with field paths. */
export class ValidationFailed extends DomainError {
  constructor(readonly violations: FieldViolation[], message = 'The request is not valid') {
    super('VALIDATION.FAILED', message, { violations });
  }
}
