import { DomainError } from '@revcycle/kernel';

export class PatientNotFound extends DomainError {
  constructor(patientId: string) {
    super('SCHEDULING.PATIENT_NOT_FOUND', 'No patient with this id', { patientId });
  }
}

export class PatientAlreadyRegistered extends DomainError {
  constructor(patientId: string) {
    super('SCHEDULING.PATIENT_ALREADY_REGISTERED', 'This patient is already registered', { patientId });
  }
}

/** A label, once applied, stays: removing it would break the taint chain of security.md P2-1. */
export class PatientAlreadyLabelledPart2 extends DomainError {
  constructor(patientId: string) {
    super('SCHEDULING.PATIENT_ALREADY_LABELLED_PART2', 'Records are already labelled from another Part 2 program', {
      patientId,
    });
  }
}

export class InvalidBirthDate extends DomainError {
  constructor(patientId: string) {
    super('SCHEDULING.INVALID_BIRTH_DATE', 'The birth date must be a real date not in the future', { patientId });
  }
}
