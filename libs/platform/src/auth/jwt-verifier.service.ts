import { Injectable, UnauthorizedException } from '@nestjs/common';
import { ROLES, type ActorRef, type Role } from '@revcycle/kernel';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';

import type { JwtConfig } from './jwt.config';

/** Who the verified token says is calling, and for which practice. */
export interface Principal {
  tenantId: string;
  actor: ActorRef & { role: Role };
}

/** Asymmetric algorithms an identity provider may publish in its JWKS; never `none` or HMAC. */
const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'];
/** Tenant ids end up in stream metadata and log lines: keep them short and printable. */
export const TENANT_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const MAX_SUBJECT_LENGTH = 128;

/**
 * Verifies bearer tokens (AUTHN-3): signature with the configured key and algorithm list only, so
 * `alg: none` and algorithm confusion fail; `exp` is mandatory; `nbf`, issuer and audience are
 * checked by jose; the tenant and role come from the claims and nowhere else.
 */
@Injectable()
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];

  constructor(private readonly config: JwtConfig) {
    if (config.key.kind === 'secret') {
      this.key = config.key.secret;
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(config.key.url);
      this.algorithms = JWKS_ALGORITHMS;
    }
  }

  async verify(token: string): Promise<Principal> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw new UnauthorizedException(describeRejection(error));
    }
    return principalFrom(payload);
  }
}

function principalFrom(payload: JWTPayload): Principal {
  const { sub, tenant, role } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > MAX_SUBJECT_LENGTH) {
    throw new UnauthorizedException('The bearer token has no usable subject');
  }
  if (typeof tenant !== 'string' || !TENANT_PATTERN.test(tenant)) {
    throw new UnauthorizedException('The bearer token names no valid tenant');
  }
  if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role)) {
    throw new UnauthorizedException('The bearer token carries no known role');
  }
  return { tenantId: tenant, actor: { id: sub, role: role as Role } };
}

function describeRejection(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The bearer token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    return `The bearer token claim "${error.claim}" is not acceptable`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return 'The bearer token algorithm is not accepted';
  return 'The bearer token is not valid';
}
