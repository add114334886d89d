import type { DomainEvent } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

import type { SeriesFrequency, SeriesOccurrence } from './series-occurrences';

/**
 * A recurring series. Each occurrence is an ordinary appointment (its own stream, `seriesId` set),
 * so a single-occurrence exception after booking is a reschedule or cancel of that appointment;
 * dates skipped up front (a holiday, a planned absence) are recorded here.
 */
export type AppointmentSeriesScheduled = DomainEvent<
  'scheduling.AppointmentSeriesScheduled',
  {
    seriesId: string;
    patientId: string;
    providerId: string;
    frequency: SeriesFrequency;
    occurrences: SeriesOccurrence[];
    skippedDates: LocalDate[];
  }
>;

export type AppointmentSeriesEvent = AppointmentSeriesScheduled;
