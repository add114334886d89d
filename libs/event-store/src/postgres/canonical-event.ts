import { canonicalJson } from '@revcycle/kernel';

import type { NewEvent } from '../envelope';

/** The canonical text hashed into the chain (event-store.md §8); the append function adds the position. */
export function canonicalEventText(tenantId: string, streamId: string, event: NewEvent): string {
  return canonicalJson({
    data: event.data,
    eventId: event.eventId,
    eventType: event.type,
    metadata: event.metadata,
    schemaVersion: event.schemaVersion,
    streamId,
    tenantId,
  });
}

/** The same, as the UTF-8 bytes the database hashes. */
export function canonicalEventBytes(tenantId: string, streamId: string, event: NewEvent): Buffer {
  return Buffer.from(canonicalEventText(tenantId, streamId, event), 'utf8');
}
