import type { EventEnvelope, StreamVersion } from '@revcycle/event-store';
import type { LocalDate } from '@revcycle/kernel';

import type { PatientState } from '../patient/patient.state';
import { PatientNotFound } from '../patient/patient.errors';
import { ServiceLocationNotFound } from '../practice/practice.errors';
import type { RegisteredPractice } from '../practice/practice.state';
import { ProviderNotActive, ProviderNotFound } from '../provider/provider.errors';
import { isProviderActiveOn, type ProviderState } from '../provider/provider.state';

export interface BookingReferences {
  practice: RegisteredPractice;
  patient: PatientState;
  provider: ProviderState;
  /** One month of the provider's calendar, read in the same round trip, for the reservation that follows. */
  calendar?: { month: string; history: EventEnvelope[] };
  /** The practice, patient and provider streams at the versions read, for the append to check. */
  readSet: StreamVersion[];
}

/**
 * A session needs a registered patient, an enrolled provider active that day, and one of the
 * practice's locations (its place of service goes on the claim). Checked before any time is held.
 */
export function assertBookingReferences(
  refs: Pick<BookingReferences, 'practice' | 'patient' | 'provider'>,
  booking: { patientId: string; providerId: string; locationId: string },
  dates: LocalDate[],
): void {
  const { practice, patient, provider } = refs;
  if (patient.status !== 'registered') throw new PatientNotFound(booking.patientId);
  if (provider.status !== 'enrolled') throw new ProviderNotFound(booking.providerId);
  if (!dates.every((date) => isProviderActiveOn(provider, date))) throw new ProviderNotActive(booking.providerId);
  if (!practice.locations.some((location) => location.locationId === booking.locationId)) {
    throw new ServiceLocationNotFound(booking.locationId);
  }
}
