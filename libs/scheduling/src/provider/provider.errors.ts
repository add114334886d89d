import { DomainError } from '@revcycle/kernel';

export class ProviderNotFound extends DomainError {
  constructor(providerId: string) {
    super('SCHEDULING.PROVIDER_NOT_FOUND', 'No provider with this id', { providerId });
  }
}

export class ProviderAlreadyEnrolled extends DomainError {
  constructor(providerId: string) {
    super('SCHEDULING.PROVIDER_ALREADY_ENROLLED', 'This provider is already enrolled', { providerId });
  }
}

/** The NPI failed its check digit (CMS: Luhn over the 80840 prefix). `field` names which NPI. */
export class InvalidNpi extends DomainError {
  constructor(field: string) {
    super('SCHEDULING.INVALID_NPI', `${field} is not a valid NPI (check digit)`, { field });
  }
}

export class InvalidSupervision extends DomainError {
  constructor(providerId: string, reason: string) {
    super('SCHEDULING.INVALID_SUPERVISION', reason, { providerId });
  }
}

export class InvalidActiveDates extends DomainError {
  constructor(providerId: string) {
    super('SCHEDULING.INVALID_ACTIVE_DATES', 'The active period must not end before it starts', { providerId });
  }
}

/** Sessions are booked only on days the provider may render services (enrollment dates). */
export class ProviderNotActive extends DomainError {
  constructor(providerId: string) {
    super('SCHEDULING.PROVIDER_NOT_ACTIVE', 'The provider is not active on the date of service', { providerId });
  }
}
