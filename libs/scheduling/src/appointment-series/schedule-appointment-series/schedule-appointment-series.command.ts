import type { CommandContext, LocalDate } from '@revcycle/kernel';

import type { AppointmentSeriesScheduled } from '../appointment-series.events';
import { AppointmentSeriesAlreadyScheduled, InvalidAppointmentSeries } from '../appointment-series.errors';
import type { AppointmentSeriesState } from '../appointment-series.state';
import { planOccurrences, type SeriesFrequency } from '../series-occurrences';

export interface ScheduleAppointmentSeries {
  context: CommandContext;
  seriesId: string;
  patientId: string;
  providerId: string;
  /** The first session; later ones repeat its local weekday and time. */
  first: { start: string; end: string };
  frequency: SeriesFrequency;
  /** Sessions planned before skipping; a year of weekly sessions at most. */
  count: number;
  skipDates: LocalDate[];
  timeZone: string;
}

export const MAX_SERIES_OCCURRENCES = 52;

/**
 * Plans the series; the handler then reserves every occurrence in the provider calendar in one
 * append (all or nothing) and books each occurrence as an appointment.
 */
export function decideScheduleAppointmentSeries(
  command: ScheduleAppointmentSeries,
  state: AppointmentSeriesState,
): AppointmentSeriesScheduled[] {
  const { seriesId, first, frequency, count, skipDates, context } = command;
  if (state.status !== 'none') throw new AppointmentSeriesAlreadyScheduled(seriesId);
  if (!Number.isSafeInteger(count) || count < 2 || count > MAX_SERIES_OCCURRENCES) {
    throw new InvalidAppointmentSeries(seriesId, `A series has 2 to ${MAX_SERIES_OCCURRENCES} sessions`);
  }
  if (!(Date.parse(first.start) < Date.parse(first.end))) {
    throw new InvalidAppointmentSeries(seriesId, 'The first session must end after it starts');
  }
  if (Date.parse(first.start) < context.now.getTime()) {
    throw new InvalidAppointmentSeries(seriesId, 'A series cannot start in the past');
  }
  const planned = planOccurrences(seriesId, first, frequency, count, command.timeZone);
  const unknown = skipDates.filter((date) => !planned.some((o) => o.dateOfService === date));
  if (unknown.length > 0) {
    throw new InvalidAppointmentSeries(seriesId, 'Every skipped date must be a date the series would meet');
  }
  const occurrences = planned.filter((o) => !skipDates.includes(o.dateOfService));
  if (occurrences.length === 0) throw new InvalidAppointmentSeries(seriesId, 'Every session of the series is skipped');
  const { patientId, providerId } = command;
  const skippedDates = [...new Set(skipDates)].sort();
  return [
    {
      type: 'scheduling.AppointmentSeriesScheduled',
      data: { seriesId, patientId, providerId, frequency, occurrences, skippedDates },
    },
  ];
}
