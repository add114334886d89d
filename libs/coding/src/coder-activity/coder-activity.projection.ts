import { Injectable } from '@nestjs/common';

import { EventConsumer, type Consumer, type SqlConnection, type StoredEvent } from '@revcycle/event-store';

import type { CodedLineChanged } from '../coding/coding.events';
import type { CodingApproved } from '../contracts/coding.public-events';

export interface CoderActivityRow {
  eventId: string;
  actorId: string;
  encounterId: string;
  activity: 'line_changed' | 'approved' | 'approved_with_override';
  field: string | null;
  occurredAt: string;
}

/** One row per coder action; policies (actor role `system`) are not coders and are left out. */
export function coderActivityOf(event: StoredEvent): CoderActivityRow | undefined {
  if (event.metadata.actor.role === 'system') return undefined;
  const base = { eventId: event.eventId, actorId: event.metadata.actor.id, occurredAt: event.metadata.occurredAt };
  if (event.type === 'coding.CodedLineChanged') {
    const { data } = event as unknown as CodedLineChanged;
    return { ...base, encounterId: data.encounterId, activity: 'line_changed', field: data.field };
  }
  if (event.type === 'coding.CodingApproved') {
    const { data } = event as unknown as CodingApproved;
    return { ...base, encounterId: data.encounterId, activity: data.override ? 'approved_with_override' : 'approved', field: null };
  }
  return undefined;
}

@Injectable()
@EventConsumer()
export class CoderActivityProjection implements Consumer {
  readonly name = 'coding.coder-activity';
  readonly version = 1;
  readonly handles = ['coding.CodedLineChanged', 'coding.CodingApproved'];

  async apply(event: StoredEvent, tx: SqlConnection): Promise<void> {
    const row = coderActivityOf(event);
    if (!row) return;
    await tx.query(
      `INSERT INTO coding.coder_activity_v1 (tenant_id, event_id, actor_id, encounter_id, activity, field, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [event.metadata.tenantId, row.eventId, row.actorId, row.encounterId, row.activity, row.field, row.occurredAt],
    );
  }

  async reset(tx: SqlConnection): Promise<void> {
    await tx.query('DELETE FROM coding.coder_activity_v1');
  }
}
