import { HttpException, HttpStatus } from '@nestjs/common';
import { DomainError, ValidationFailed } from '@revcycle/kernel';

/** An RFC 9457 problem document as this API sends it. */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance: string;
  requestId: string;
  errors?: { path: string; message: string }[];
  currentVersion?: string;
}

export interface ProblemSource {
  /** Request path without the query string, which may carry search terms (AUD-10). */
  path: string;
  requestId: string;
  /** A failed conditional request answers 412 rather than 409 (RFC 9110 §13.1.1). */
  conditional: boolean;
}

const TYPE_BASE = 'https://revcycle.dev/problems/';

/** SQLSTATE query_canceled, which a statement timeout raises (PostgreSQL docs, Appendix A). */
const QUERY_CANCELED = '57014';

/**
 * Maps anything thrown while serving a request to a problem document (house style P6): domain error
 * codes by family, Nest and Fastify HTTP errors by status, everything else to a generic 500. Bodies
 * carry stable codes and fixed texts, never stacks or echoed input (AUD-10, LIM-10).
 */
export function toProblem(error: unknown, source: ProblemSource): ProblemDocument {
  const base = { instance: source.path, requestId: source.requestId };
  if (error instanceof ValidationFailed) {
    return { ...problem(400, error.code, error.message), ...base, errors: error.violations };
  }
  if (error instanceof DomainError) {
    if (error.code === 'EVENT_STORE.VERSION_CONFLICT') {
      const status = source.conditional ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
      return { ...problem(status, error.code, error.message), ...base, currentVersion: String(error.details.actualVersion) };
    }
    return { ...problem(statusOfCode(error.code), error.code, error.message), ...base };
  }
  // PostgreSQL cancelled a read-model statement at its timeout (LIM-3): the service is busy, not broken.
  if ((error as { code?: unknown } | null)?.code === QUERY_CANCELED) {
    return { ...problem(503, 'READ_MODEL.QUERY_CANCELLED', 'The query ran longer than allowed and was cancelled; narrow it or try again later'), ...base };
  }
  const status = httpStatusOf(error);
  if (status !== undefined && status < 500) {
    return { ...problem(status, codeOfStatus(status), clientDetail(error, status)), ...base };
  }
  return { ...problem(500, 'INTERNAL', 'The server could not complete the request'), ...base };
}

/** Status of a domain error code by the family of its last segment. */
export function statusOfCode(code: string): number {
  const name = code.slice(code.lastIndexOf('.') + 1);
  if (code === 'EVENT_STORE.IDEMPOTENCY_KEY_REUSED') return HttpStatus.UNPROCESSABLE_ENTITY;
  if (/(^|_)NOT_FOUND$/.test(name)) return HttpStatus.NOT_FOUND;
  if (/(^|_)(ALREADY|DUPLICATE)(_|$)/.test(name)) return HttpStatus.CONFLICT;
  // Any other broken invariant, `*_NOT_READY_*` and `*_INVALID_*` included, is a well-formed
  // request the domain refuses.
  return HttpStatus.UNPROCESSABLE_ENTITY;
}

function problem(status: number, code: string, detail: string): Omit<ProblemDocument, 'instance' | 'requestId'> {
  const slug = code.toLowerCase().replace(/[._]/g, '-');
  return { type: `${TYPE_BASE}${slug}`, title: titleOf(status), status, detail, code };
}

function httpStatusOf(error: unknown): number | undefined {
  if (error instanceof HttpException) return error.getStatus();
  // Fastify's own errors (body too large, bad JSON, bad media type) carry their status this way.
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : undefined;
}

/**
 * Our guards and pipes throw HttpExceptions with fixed texts. Fastify's errors (wrapped by Nest with
 * the original as `cause`) and the router's 404 echo input such as JSON snippets and URLs, so for
 * those only the status text is sent.
 */
function clientDetail(error: unknown, status: number): string {
  const safe = error instanceof HttpException && error.cause === undefined && status !== HttpStatus.NOT_FOUND;
  return safe ? error.message : titleOf(status);
}

function codeOfStatus(status: number): string {
  return `HTTP.${titleOf(status).toUpperCase().replace(/[^A-Z]+/g, '_')}`;
}

function titleOf(status: number): string {
  const name = HttpStatus[status] as string | undefined;
  if (!name) return 'Error';
  return name.charAt(0) + name.slice(1).toLowerCase().replace(/_/g, ' ');
}
