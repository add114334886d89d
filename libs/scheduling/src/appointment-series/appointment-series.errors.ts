import { DomainError } from '@revcycle/kernel';

export class AppointmentSeriesAlreadyScheduled extends DomainError {
  constructor(seriesId: string) {
    super('SCHEDULING.APPOINTMENT_SERIES_ALREADY_SCHEDULED', 'This series id is already in use', { seriesId });
  }
}

export class InvalidAppointmentSeries extends DomainError {
  constructor(seriesId: string, reason: string) {
    super('SCHEDULING.INVALID_APPOINTMENT_SERIES', reason, { seriesId });
  }
}
