import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Database } from '@revcycle/event-store';
import { isUuid } from '@revcycle/kernel';
import { pageOf, readPageCursor } from '@revcycle/platform';

import { EncountersConfig } from '../encounters.config';

export interface UnsignedEncounterItem {
  encounterId: string;
  patientId: string;
  appointmentId: string | null;
  renderingProviderId: string;
  supervisingProviderId: string | null;
  dateOfService: string;
  sessionEndedAt: string;
  hoursUnsigned: number;
}

export interface UnsignedEncounterWorklist {
  asOf: string;
  unsignedAfterHours: number;
  /** Oldest first, a page at a time; `next` asks for the following page (null on the last). */
  items: UnsignedEncounterItem[];
  next: string | null;
  /** Charge lag of what was signed in the last 30 days: hours from session end to signature. */
  chargeLag: { signedLast30Days: number; medianHoursToSign: number | null };
}

export class ListUnsignedEncounters extends Query<UnsignedEncounterWorklist> {
  constructor(
    readonly tenantId: string,
    readonly now: Date,
    readonly page: { limit: number; after?: string },
    readonly providerId?: string,
  ) {
    super();
  }
}

/** A page ends at a session's end (to the microsecond, as stored) and its encounter id. */
const isWorklistKey = (key: unknown): key is [string, string] =>
  Array.isArray(key) && key.length === 2 && typeof key[0] === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(key[0]) && isUuid(key[1]);

const HOUR_MS = 3_600_000;

/** Completed sessions still unsigned past the configured threshold, oldest first. */
@QueryHandler(ListUnsignedEncounters)
export class ListUnsignedEncountersHandler implements IQueryHandler<ListUnsignedEncounters> {
  constructor(
    private readonly database: Database,
    private readonly config: EncountersConfig,
  ) {}

  async execute({ tenantId, now, page, providerId }: ListUnsignedEncounters): Promise<UnsignedEncounterWorklist> {
    const hours = this.config.unsignedAfterHours;
    const cutoff = new Date(now.getTime() - hours * HOUR_MS);
    const [endedAfter, encounterAfter] = readPageCursor(page.after, isWorklistKey) ?? [null, null];
    const { rows } = await this.database.readModels.query(
      `SELECT encounter_id, patient_id, appointment_id, rendering_provider_id, supervising_provider_id,
              to_char(date_of_service, 'YYYY-MM-DD') AS date_of_service, session_ended_at,
              to_char(session_ended_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ended_key
         FROM encounters.unsigned_encounters_v1
        WHERE tenant_id = $1 AND signed_at IS NULL AND voided_at IS NULL AND session_ended_at <= $2
          AND ($3::text IS NULL OR rendering_provider_id = $3 OR supervising_provider_id = $3)
          AND ($4::timestamptz IS NULL OR (session_ended_at, encounter_id) > ($4::timestamptz, $5::text))
        ORDER BY session_ended_at, encounter_id LIMIT $6`,
      [tenantId, cutoff, providerId ?? null, endedAfter, encounterAfter, page.limit + 1],
    );
    const lag = await this.database.readModels.query(
      `SELECT count(*)::int AS signed,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM signed_at - session_ended_at) / 3600) AS median
         FROM encounters.unsigned_encounters_v1
        WHERE tenant_id = $1 AND signed_at > $2::timestamptz - interval '30 days' AND signed_at <= $2
          AND ($3::text IS NULL OR rendering_provider_id = $3 OR supervising_provider_id = $3)`,
      [tenantId, now, providerId ?? null],
    );
    const median = lag.rows[0].median as number | null;
    const { items, next } = pageOf(
      rows,
      page.limit,
      (row): UnsignedEncounterItem => ({
        encounterId: row.encounter_id,
        patientId: row.patient_id,
        appointmentId: row.appointment_id,
        renderingProviderId: row.rendering_provider_id,
        supervisingProviderId: row.supervising_provider_id,
        dateOfService: row.date_of_service,
        sessionEndedAt: (row.session_ended_at as Date).toISOString(),
        hoursUnsigned: Math.floor((now.getTime() - (row.session_ended_at as Date).getTime()) / HOUR_MS),
      }),
      (row) => [row.ended_key as string, row.encounter_id as string],
    );
    return {
      asOf: now.toISOString(),
      unsignedAfterHours: hours,
      items,
      next,
      chargeLag: { signedLast30Days: lag.rows[0].signed, medianHoursToSign: median === null ? null : Math.round(median * 10) / 10 },
    };
  }
}
