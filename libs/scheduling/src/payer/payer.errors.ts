import { DomainError } from '@revcycle/kernel';

export class PayerNotFound extends DomainError {
  constructor(payerId: string) {
    super('SCHEDULING.PAYER_NOT_FOUND', 'No payer with this id', { payerId });
  }
}

export class PayerAlreadyRegistered extends DomainError {
  constructor(payerId: string) {
    super('SCHEDULING.PAYER_ALREADY_REGISTERED', 'This payer is already registered', { payerId });
  }
}

/** A Medicaid plan that allowed missed-appointment fees would contradict 42 CFR 447.15. */
export class InvalidPayerPolicy extends DomainError {
  constructor(payerId: string, reason: string) {
    super('SCHEDULING.INVALID_PAYER_POLICY', reason, { payerId });
  }
}

export class InvalidTimelyFiling extends DomainError {
  constructor(payerId: string) {
    super('SCHEDULING.INVALID_TIMELY_FILING', 'Timely filing must be a positive number of days', { payerId });
  }
}
