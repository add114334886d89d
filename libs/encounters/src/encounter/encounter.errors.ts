import { DomainError } from '@revcycle/kernel';

export class EncounterNotFound extends DomainError {
  constructor(encounterId: string) {
    super('ENCOUNTERS.ENCOUNTER_NOT_FOUND', 'No encounter with this id', { encounterId });
  }
}

export class EncounterAlreadyOpened extends DomainError {
  constructor(encounterId: string) {
    super('ENCOUNTERS.ALREADY_OPENED', 'This encounter already exists', { encounterId });
  }
}

/** Signed facts are locked; change them with an addendum. */
export class EncounterAlreadySigned extends DomainError {
  constructor(encounterId: string) {
    super('ENCOUNTERS.ALREADY_SIGNED', 'The encounter is signed; record an addendum instead', { encounterId });
  }
}

export class EncounterAlreadyVoided extends DomainError {
  constructor(encounterId: string) {
    super('ENCOUNTERS.ALREADY_VOIDED', 'The encounter was voided as entered in error', { encounterId });
  }
}

export class EncounterNotReadyForAddendum extends DomainError {
  constructor(encounterId: string) {
    super('ENCOUNTERS.NOT_READY_FOR_ADDENDUM', 'Only a signed encounter takes addenda; revise the draft', {
      encounterId,
    });
  }
}

/** `field` names what is missing so the problem+json can point at it; never a value (PHI). */
export class EncounterNotReadyForSigning extends DomainError {
  constructor(encounterId: string, field: string, reason: string) {
    super('ENCOUNTERS.NOT_READY_FOR_SIGNING', reason, { encounterId, field });
  }
}

export class InvalidEncounterFacts extends DomainError {
  constructor(encounterId: string, field: string, reason: string) {
    super('ENCOUNTERS.INVALID_ENCOUNTER_FACTS', reason, { encounterId, field });
  }
}

/** Psychotherapy notes do not belong in a billing system (45 CFR 164.501, 164.508(a)(2); security.md §6). */
export class ClinicalNoteRefused extends DomainError {
  constructor(encounterId: string, field: string) {
    super('ENCOUNTERS.INVALID_CLINICAL_NOTE_TEXT', `Encounters hold billable facts only, never note text (${field})`, {
      encounterId,
      field,
    });
  }
}

/** Signing attests the service: only a clinician who rendered or supervised it may sign. */
export class InvalidSigner extends DomainError {
  constructor(encounterId: string, reason: string) {
    super('ENCOUNTERS.INVALID_SIGNER', reason, { encounterId });
  }
}
