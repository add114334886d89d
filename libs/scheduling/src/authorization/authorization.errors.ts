import { DomainError } from '@revcycle/kernel';

export class AuthorizationNotFound extends DomainError {
  constructor(authorizationId: string) {
    super('SCHEDULING.AUTHORIZATION_NOT_FOUND', 'No authorization with this id', { authorizationId });
  }
}

export class AuthorizationAlreadyRecorded extends DomainError {
  constructor(authorizationId: string) {
    super('SCHEDULING.AUTHORIZATION_ALREADY_RECORDED', 'This authorization is already recorded', { authorizationId });
  }
}

export class InvalidAuthorization extends DomainError {
  constructor(authorizationId: string, reason: string) {
    super('SCHEDULING.INVALID_AUTHORIZATION', reason, { authorizationId });
  }
}

/** Usage is counted in whole units (sessions, or 15-minute units for HCPCS codes). */
export class InvalidAuthorizationUnits extends DomainError {
  constructor(authorizationId: string) {
    super('SCHEDULING.INVALID_AUTHORIZATION_UNITS', 'Units must be a positive whole number', { authorizationId });
  }
}
