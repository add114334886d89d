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
/** Verified tokens kept in memory: clients reuse one token for many calls, and a signature check costs more than the rest of a small request. */
const CACHE_ENTRIES = 10_000;
/** A cached verdict is trusted this long at most, so a key withdrawn from the JWKS stops working soon after. */
const CACHE_MS = 60_000;
const CLOCK_TOLERANCE_SECONDS = 5;

interface Verified {
  principal: Principal;
  /** Epoch ms after which the token is expired (tolerance included). */
  expiresAt: number;
  /** Epoch ms before which the token is not yet valid (tolerance included). */
  notBefore: number;
  cachedUntil: number;
}

/**
 * Verifies bearer tokens (AUTHN-3): signature with the configured key and algorithm list only, so
 * `alg: none` and algorithm confusion fail; `exp` is mandatory; `nbf`, issuer and audience are
 * checked by jose; the tenant and role come from the claims and nowhere else.
 */
@Injectable()
export class JwtVerifier {
  private readonly key: Uint8Array | JWTVerifyGetKey;
  private readonly algorithms: string[];
  /** Insertion-ordered, so the oldest entry is evicted first. */
  private readonly verified = new Map<string, Verified>();

  constructor(private readonly config: JwtConfig) {
    if (config.key.kind === 'secret') {
      this.key = config.key.secret;
      this.algorithms = ['HS256'];
    } else {
      this.key = createRemoteJWKSet(config.key.url);
      this.algorithms = JWKS_ALGORITHMS;
    }
  }

  /**
   * A token seen before is answered from memory while it is within its validity window and the cache
   * period: the same bytes carry the same signature, so only the time checks need repeating.
   */
  async verify(token: string, now = Date.now()): Promise<Principal> {
    const known = this.verified.get(token);
    if (known && now < known.cachedUntil) {
      if (now >= known.expiresAt) throw new UnauthorizedException('The bearer token has expired');
      if (now >= known.notBefore) return known.principal;
    }
    const payload = await this.verifySignature(token);
    const principal = principalFrom(payload);
    this.remember(token, principal, payload, now);
    return principal;
  }

  private remember(token: string, principal: Principal, payload: JWTPayload, now: number): void {
    const tolerance = CLOCK_TOLERANCE_SECONDS * 1000;
    this.verified.delete(token);
    if (this.verified.size >= CACHE_ENTRIES) this.verified.delete(this.verified.keys().next().value!);
    this.verified.set(token, {
      principal,
      expiresAt: payload.exp! * 1000 + tolerance,
      notBefore: payload.nbf === undefined ? 0 : payload.nbf * 1000 - tolerance,
      cachedUntil: now + CACHE_MS,
    });
  }

  private async verifySignature(token: string): Promise<JWTPayload> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: this.algorithms,
        issuer: this.config.issuer,
        audience: this.config.audience,
        requiredClaims: ['exp', 'sub'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      }));
    } catch (error) {
      throw new UnauthorizedException(describeRejection(error));
    }
    return payload;
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
