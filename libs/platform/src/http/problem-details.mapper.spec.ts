import { ForbiddenException, NotFoundException } from '@nestjs/common';
import { DomainError, ValidationFailed } from '@revcycle/kernel';

import { statusOfCode, toProblem } from './problem-details.mapper';

const source = { path: '/claims/c-1/submission', requestId: 'req-1', conditional: false };

describe('statusOfCode', () => {
  it.each([
    ['CLAIMS.CLAIM_NOT_FOUND', 404],
    ['EVENT_STORE.STREAM_NOT_FOUND', 404],
    ['SCHEDULING.APPOINTMENT_ALREADY_CANCELLED', 409],
    ['CLAIMS.ALREADY_SUBMITTED', 409],
    ['EVENT_STORE.DUPLICATE_EVENT', 409],
    ['CLAIMS.NOT_READY_FOR_SUBMISSION', 422],
    ['CODING.INVALID_MODIFIER', 422],
    ['EVENT_STORE.IDEMPOTENCY_KEY_REUSED', 422],
    ['PAYMENTS.OVERPAYMENT_REFUSED', 422],
  ])('maps %s to %i', (code, status) => {
    expect(statusOfCode(code)).toBe(status);
  });

  it('reads the family from the last segment only', () => {
    expect(statusOfCode('NOT_FOUND_LIB.PAYMENT_REVERSED')).toBe(422);
  });
});

describe('toProblem', () => {
  it('lists field violations for validation failures', () => {
    const problem = toProblem(new ValidationFailed([{ path: 'lines[0].units', message: 'must be positive' }]), source);
    expect(problem).toEqual({
      type: 'https://revcycle.dev/problems/validation-failed',
      title: 'Bad request',
      status: 400,
      detail: 'The request is not valid',
      code: 'VALIDATION.FAILED',
      instance: '/claims/c-1/submission',
      requestId: 'req-1',
      errors: [{ path: 'lines[0].units', message: 'must be positive' }],
    });
  });

  it('answers a version conflict with 409, or 412 for a conditional request, with the current version', () => {
    const conflict = new DomainError('EVENT_STORE.VERSION_CONFLICT', 'moved on', { actualVersion: '12' });
    expect(toProblem(conflict, source)).toMatchObject({ status: 409, currentVersion: '12' });
    expect(toProblem(conflict, { ...source, conditional: true })).toMatchObject({ status: 412, currentVersion: '12' });
  });

  it('keeps the text of our own HTTP exceptions but not the router echo of a URL', () => {
    expect(toProblem(new ForbiddenException('Your role may not use this route'), source).detail).toBe('Your role may not use this route');
    expect(toProblem(new NotFoundException('Cannot GET /patients?name=Zelda'), source).detail).toBe('Not found');
  });

  it('answers a read-model statement cancelled at its timeout with 503, without the statement', () => {
    const cancelled = Object.assign(new Error('canceling statement due to statement timeout: SELECT * FROM Zelda'), { code: '57014' });
    const problem = toProblem(cancelled, source);
    expect(problem).toMatchObject({ status: 503, code: 'READ_MODEL.QUERY_CANCELLED' });
    expect(JSON.stringify(problem)).not.toContain('Zelda');
  });

  it('turns anything else into a generic 500 without its message', () => {
    const problem = toProblem(new TypeError('Cannot read Zelda of undefined'), source);
    expect(problem).toMatchObject({ status: 500, code: 'INTERNAL' });
    expect(JSON.stringify(problem)).not.toContain('Zelda');
  });
});
