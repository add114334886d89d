import { DomainError } from '@revcycle/kernel';

export class PracticeNotFound extends DomainError {
  constructor(tenantId: string) {
    super('SCHEDULING.PRACTICE_NOT_FOUND', 'The practice profile has not been set up', { tenantId });
  }
}

export class PracticeAlreadyRegistered extends DomainError {
  constructor(tenantId: string) {
    super('SCHEDULING.PRACTICE_ALREADY_REGISTERED', 'The practice profile already exists', { tenantId });
  }
}

export class ServiceLocationAlreadyAdded extends DomainError {
  constructor(locationId: string) {
    super('SCHEDULING.SERVICE_LOCATION_ALREADY_ADDED', 'This service location already exists', { locationId });
  }
}

/** A place-of-service code is two digits (CMS Place of Service Code Set). */
export class InvalidPlaceOfService extends DomainError {
  constructor(placeOfService: string) {
    super('SCHEDULING.INVALID_PLACE_OF_SERVICE', 'Place of service must be a two-digit CMS code', { placeOfService });
  }
}

export class InvalidPracticePolicies extends DomainError {
  constructor(field: string) {
    super('SCHEDULING.INVALID_PRACTICE_POLICIES', `${field} must be a non-negative integer`, { field });
  }
}

export class ServiceLocationNotFound extends DomainError {
  constructor(locationId: string) {
    super('SCHEDULING.SERVICE_LOCATION_NOT_FOUND', 'No service location with this id', { locationId });
  }
}
