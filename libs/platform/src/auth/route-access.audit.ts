import { Injectable } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';

import { PUBLIC_METADATA, ROLES_METADATA } from './roles.decorator';

/**
 * Walks every controller the application registered and lists the route handlers that carry neither
 * `@Roles(...)` nor `@Public()`, on the method or its class. The API refuses to start while this list
 * is not empty (AUTHZ-1: a route without a declared policy fails at start-up, not in production).
 */
@Injectable()
export class RouteAccessAudit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  undeclaredRoutes(): string[] {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of this.scanner.getAllMethodNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || !this.isRoute(handler)) continue;
        const targets = [handler, controller];
        const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_METADATA, targets);
        const roles = this.reflector.getAllAndOverride<unknown[]>(ROLES_METADATA, targets);
        if (!isPublic && !(roles && roles.length > 0)) undeclared.push(`${controller.name}.${name}`);
      }
    }
    return undeclared;
  }

  private isRoute(handler: object): boolean {
    return Reflect.hasOwnMetadata(PATH_METADATA, handler) && Reflect.hasOwnMetadata(METHOD_METADATA, handler);
  }
}
