import { DomainError } from '@revcycle/kernel';

/** A conflict with another appointment's time: the API answers 409. */
export class ProviderDoubleBooked extends DomainError {
  constructor(providerId: string, appointmentId: string, conflictingAppointmentId: string) {
    super('SCHEDULING.PROVIDER_ALREADY_BOOKED', 'The provider already has an appointment at this time', {
      providerId,
      appointmentId,
      conflictingAppointmentId,
    });
  }
}

export class InvalidTimeSlot extends DomainError {
  constructor(appointmentId: string) {
    super('SCHEDULING.INVALID_TIME_SLOT', 'A time slot needs valid instants and must end after it starts', {
      appointmentId,
    });
  }
}
