/** Roles a token may carry; each route lists the roles it admits (deny by default). */
export const ROLES = ['front_desk', 'clinician', 'coder', 'biller', 'analyst', 'compliance', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who acts: a human user (token `sub`) or a named service principal such as a policy. */
export interface ActorRef {
  id: string;
  role: Role | 'system';
}

/**
 * Everything a command carries besides its data: tenant from the token, actor, tracing ids, and the
 * clock reading taken at the edge, so deciders never read the clock themselves.
 */
export interface CommandContext {
  tenantId: string;
  actor: ActorRef;
  correlationId: string;
  causationId?: string;
  requestId?: string;
  commandId?: string;
  now: Date;
}
