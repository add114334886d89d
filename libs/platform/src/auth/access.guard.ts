import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@revcycle/kernel';
import type { FastifyRequest } from 'fastify';

import { JwtVerifier, type Principal } from './jwt-verifier.service';
import { PUBLIC_METADATA, ROLES_METADATA } from './roles.decorator';

const principals = new WeakMap<FastifyRequest, Principal>();
const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]*\.[A-Za-z0-9_-]*)$/;

/** The principal the guard verified for this request, if the route was not public. */
export function principalOf(request: FastifyRequest): Principal | undefined {
  return principals.get(request);
}

/**
 * Global guard, deny by default (AUTHZ-1, AUTHZ-6): a public route passes; a route with no role list
 * is refused even to a valid token; otherwise the bearer token must verify and its role be listed.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets)) return true;
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets);
    if (!allowed || allowed.length === 0) {
      throw new ForbiddenException('This route declares no roles and is closed');
    }
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const match = BEARER.exec(request.headers.authorization ?? '');
    if (!match) throw new UnauthorizedException('A bearer token is required');
    const principal = await this.verifier.verify(match[1]);
    if (!allowed.includes(principal.actor.role)) {
      throw new ForbiddenException('Your role may not use this route');
    }
    principals.set(request, principal);
    return true;
  }
}
