export { Public, Roles, PUBLIC_METADATA, ROLES_METADATA } from './auth/roles.decorator';
export { AccessGuard, principalOf } from './auth/access.guard';
export { JwtVerifier, type Principal } from './auth/jwt-verifier.service';
export { resolveJwtConfig, developmentSecretPath, type JwtConfig, type JwtKeySource } from './auth/jwt.config';
export { signDevToken, type DevTokenRequest } from './auth/dev-token.signer';
export { RouteAccessAudit } from './auth/route-access.audit';
export { Ctx, IfMatch, setETag, commandContextOf, parseIfMatch } from './http/request-context.decorator';
export { createValidationPipe, toViolations } from './http/validation.pipe';
export { IsInstant, IsLocalDateString } from './http/value-decorators';
export { toProblem, statusOfCode, type ProblemDocument } from './http/problem-details.mapper';
export { ProblemDetailsFilter } from './http/problem-details.filter';
export { createPinoLogger, PinoLoggerService, type LoggerOptions } from './observability/logger.service';
export {
  metricsRegistry,
  httpRequestSeconds,
  eventStoreAppendSeconds,
  consumerLag,
  consumerParked,
  enableProcessMetrics,
} from './observability/metrics.registry';
export { installHttpObservability, requestIdFor } from './observability/http-observability.hooks';
export { installRequestTurns, RequestTurns } from './http/request-turns';
export { CorsPolicy, resolveCorsPolicy } from './http/cors-policy';
export { MAX_PAGE_SIZE, PageQuery, pageOf, readPageCursor, type Page } from './http/page';
export { ReadinessSource, assessReadiness, type ReadinessReport } from './health/readiness.port';
export { PlatformModule, type PlatformOptions } from './platform.module';
