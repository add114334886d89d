import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { Database } from '@revcycle/event-store';
import { pageOf, readPageCursor, type Page } from '@revcycle/platform';

export interface PatientTimelineRow {
  eventId: string;
  occurredAt: string;
  kind: string;
  appointmentId: string | null;
  encounterId: string | null;
  details: Record<string, unknown>;
}

export class GetPatientTimeline extends Query<Page<PatientTimelineRow>> {
  constructor(
    readonly tenantId: string,
    readonly patientId: string,
    readonly limit: number,
    readonly after?: string,
  ) {
    super();
  }
}

/** A timeline page ends at an entry's position in the log, kept as text (a bigint). */
const isTimelineKey = (key: unknown): key is [string] => Array.isArray(key) && key.length === 1 && typeof key[0] === 'string' && /^\d{1,19}$/.test(key[0]);

@QueryHandler(GetPatientTimeline)
export class GetPatientTimelineHandler implements IQueryHandler<GetPatientTimeline> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, patientId, limit, after }: GetPatientTimeline): Promise<Page<PatientTimelineRow>> {
    const [position] = readPageCursor(after, isTimelineKey) ?? [null];
    const { rows } = await this.database.readModels.query(
      `SELECT global_position::text AS position, event_id, occurred_at, kind, appointment_id, encounter_id, details
         FROM scheduling.patient_timeline_v1
        WHERE tenant_id = $1 AND patient_id = $2 AND ($3::bigint IS NULL OR global_position > $3)
        ORDER BY global_position LIMIT $4`,
      [tenantId, patientId, position, limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (row) => ({
        eventId: row.event_id,
        occurredAt: (row.occurred_at as Date).toISOString(),
        kind: row.kind,
        appointmentId: row.appointment_id,
        encounterId: row.encounter_id,
        details: row.details,
      }),
      (row) => [row.position as string],
    );
  }
}
