import { uuidV5, type CommandContext } from '@revcycle/kernel';

import type { StoredEvent } from '../envelope';

/**
 * The context of a command a policy issues in reaction to `event` (house style P5): same tenant and
 * correlation, caused by the event, the event's clock, and a command id derived from the policy and
 * the event so a redelivered event is answered from the idempotency ledger instead of acting twice.
 */
export function policyContext(policy: string, event: StoredEvent): CommandContext {
  return {
    tenantId: event.metadata.tenantId,
    actor: { id: `policy:${policy}`, role: 'system' },
    correlationId: event.metadata.correlationId,
    causationId: event.eventId,
    commandId: uuidV5(`${policy}:${event.eventId}`),
    now: new Date(event.metadata.occurredAt),
  };
}
