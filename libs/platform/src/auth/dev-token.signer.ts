import type { Role } from '@revcycle/kernel';
import { SignJWT } from 'jose';

import type { JwtConfig } from './jwt.config';
import { TENANT_PATTERN } from './jwt-verifier.service';

export interface DevTokenRequest {
  tenant: string;
  role: Role;
  sub: string;
  /** A jose time span such as `15m`, `2h` or `900s`. */
  ttl: string;
}

/**
 * Signs a development token with the shared HS256 secret, carrying the issuer and audience the API
 * expects. Refuses a JWKS configuration: those tokens come from the identity provider.
 */
export async function signDevToken(config: JwtConfig, request: DevTokenRequest): Promise<string> {
  if (config.key.kind !== 'secret') {
    throw new Error('JWT_JWKS_URL is set: tokens come from the identity provider, not from revcycle');
  }
  if (!TENANT_PATTERN.test(request.tenant)) {
    throw new Error('The tenant must be 1 to 64 letters, digits, dots, dashes or underscores');
  }
  const jwt = new SignJWT({ tenant: request.tenant, role: request.role })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(request.sub)
    .setIssuedAt()
    .setExpirationTime(request.ttl);
  if (config.issuer) jwt.setIssuer(config.issuer);
  if (config.audience) jwt.setAudience(config.audience);
  return jwt.sign(config.key.secret);
}
