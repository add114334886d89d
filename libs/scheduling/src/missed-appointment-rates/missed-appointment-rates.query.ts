import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { Database } from '@revcycle/event-store';

export interface MissedAppointmentRateRow {
  providerId: string;
  month: string;
  /** Sessions that came due: kept, no-shows and late cancels (cancelled in good time are not due). */
  sessionsDue: number;
  noShows: number;
  lateCancels: number;
  noShowRate: number;
  lateCancelRate: number;
}

export class ListMissedAppointmentRates extends Query<MissedAppointmentRateRow[]> {
  constructor(readonly tenantId: string, readonly fromMonth: string, readonly toMonth: string) {
    super();
  }
}

const rate = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 10_000) / 10_000);

@QueryHandler(ListMissedAppointmentRates)
export class ListMissedAppointmentRatesHandler implements IQueryHandler<ListMissedAppointmentRates> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, fromMonth, toMonth }: ListMissedAppointmentRates): Promise<MissedAppointmentRateRow[]> {
    const { rows } = await this.database.readModels.query(
      `SELECT provider_id, to_char(service_month, 'YYYY-MM') AS month,
              count(*) FILTER (WHERE outcome IN ('kept', 'no_show', 'late_cancel'))::int AS due,
              count(*) FILTER (WHERE outcome = 'no_show')::int AS no_shows,
              count(*) FILTER (WHERE outcome = 'late_cancel')::int AS late_cancels
         FROM scheduling.missed_appointment_outcomes_v1
        WHERE tenant_id = $1 AND service_month BETWEEN to_date($2, 'YYYY-MM') AND to_date($3, 'YYYY-MM')
        GROUP BY provider_id, service_month
        ORDER BY service_month, provider_id`,
      [tenantId, fromMonth, toMonth],
    );
    return rows.map((row) => ({
      providerId: row.provider_id,
      month: row.month,
      sessionsDue: row.due,
      noShows: row.no_shows,
      lateCancels: row.late_cancels,
      noShowRate: rate(row.no_shows, row.due),
      lateCancelRate: rate(row.late_cancels, row.due),
    }));
  }
}
