import { SetMetadata } from '@nestjs/common';
import type { Role } from '@revcycle/kernel';

/** Metadata keys read by the guard and by the start-up route audit; namespaced to avoid clashes. */
export const ROLES_METADATA = 'revcycle:roles';
export const PUBLIC_METADATA = 'revcycle:public';

/**
 * The roles a route admits (AUTHZ-6). Every route must carry this or `@Public()`: the global guard
 * refuses anything else, and the start-up audit refuses to boot with such a route (AUTHZ-1).
 */
export function Roles(...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator {
  return SetMetadata(ROLES_METADATA, roles);
}

/** Opens a route to anonymous callers; reserved for health, metrics and the API documents. */
export function Public(): MethodDecorator & ClassDecorator {
  return SetMetadata(PUBLIC_METADATA, true);
}
