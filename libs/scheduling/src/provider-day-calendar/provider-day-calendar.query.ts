import { Query, QueryHandler, type IQueryHandler } from '@nestjs/cqrs';

import { Database } from '@revcycle/event-store';

export interface ProviderDayCalendarRow {
  appointmentId: string;
  patientId: string;
  locationId: string;
  seriesId: string | null;
  modality: string;
  serviceCode: string;
  start: string;
  end: string;
  status: string;
  lateCancel: boolean;
}

export class GetProviderDayCalendar extends Query<ProviderDayCalendarRow[]> {
  constructor(readonly tenantId: string, readonly providerId: string, readonly date: string) {
    super();
  }
}

@QueryHandler(GetProviderDayCalendar)
export class GetProviderDayCalendarHandler implements IQueryHandler<GetProviderDayCalendar> {
  constructor(private readonly database: Database) {}

  async execute({ tenantId, providerId, date }: GetProviderDayCalendar): Promise<ProviderDayCalendarRow[]> {
    const { rows } = await this.database.readModels.query(
      `SELECT appointment_id, patient_id, location_id, series_id, modality, service_code, start_at, end_at, status, late_cancel
         FROM scheduling.provider_day_calendar_v1
        WHERE tenant_id = $1 AND provider_id = $2 AND date_of_service = $3
        ORDER BY start_at, appointment_id`,
      [tenantId, providerId, date],
    );
    return rows.map((row) => ({
      appointmentId: row.appointment_id,
      patientId: row.patient_id,
      locationId: row.location_id,
      seriesId: row.series_id,
      modality: row.modality,
      serviceCode: row.service_code,
      start: (row.start_at as Date).toISOString(),
      end: (row.end_at as Date).toISOString(),
      status: row.status,
      lateCancel: row.late_cancel,
    }));
  }
}
