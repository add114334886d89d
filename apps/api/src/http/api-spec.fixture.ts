import { Module, type Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { createPinoLogger, type ReadinessReport, type ReadinessSource } from '@revcycle/platform';
import { SignJWT, type JWTPayload } from 'jose';
import type { DestinationStream } from 'pino';

import { ApiModule } from '../api.module';
import { createApiApp } from '../create-api-app';

/** Spec-only configuration: a fixed HS256 secret with issuer and audience checks switched on. */
export const SPEC_ENV = {
  JWT_SECRET: 'spec-secret-that-is-long-enough-for-hs256-0123456789',
  JWT_ISSUER: 'https://idp.revcycle.test',
  JWT_AUDIENCE: 'revcycle-api',
};

export interface SpecTokenOptions {
  secret?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  notBeforeIn?: number;
}

/** Signs a token the way an identity provider would, with knobs for each attack case. */
export function specToken(claims: JWTPayload, options: SpecTokenOptions = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(options.issuer ?? SPEC_ENV.JWT_ISSUER)
    .setAudience(options.audience ?? SPEC_ENV.JWT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(now + (options.expiresIn ?? 600));
  if (options.notBeforeIn !== undefined) jwt.setNotBefore(now + options.notBeforeIn);
  return jwt.sign(new TextEncoder().encode(options.secret ?? SPEC_ENV.JWT_SECRET));
}

/** A readiness source whose report each spec sets; `undefined` makes it throw like a dead pool. */
export class FakeReadiness implements ReadinessSource {
  report: ReadinessReport | undefined = {
    database: { up: true },
    migrations: { applied: true, pending: [] },
    consumers: [{ name: 'claim-status', version: 1, lagEvents: 3, status: 'running', parkedEvents: 0 }],
  };

  async readiness(): Promise<ReadinessReport> {
    if (!this.report) throw new Error('pool exhausted');
    return this.report;
  }
}

export interface SpecAppOptions {
  readiness?: ReadinessSource;
  logs?: DestinationStream;
  enforceRouteAccess?: boolean;
  /** Settings added to `SPEC_ENV`. */
  env?: NodeJS.ProcessEnv;
}

/** The real API shell around the given controllers, built through `@nestjs/testing`. */
export async function buildSpecApp(controllers: Type[], options: SpecAppOptions = {}): Promise<NestFastifyApplication> {
  @Module({ controllers })
  class SpecHttpModule {}

  const moduleRef = await Test.createTestingModule({
    imports: [
      ApiModule.register({
        imports: [SpecHttpModule],
        readiness: { useValue: options.readiness ?? new FakeReadiness() },
        logger: createPinoLogger({ level: 'info', destination: options.logs ?? { write: () => undefined } }),
        env: { ...SPEC_ENV, ...options.env },
      }),
    ],
  }).compile();
  const app = await createApiApp(moduleRef, { enforceRouteAccess: options.enforceRouteAccess });
  await app.getHttpAdapter().getInstance().ready();
  return app;
}
