import { DomainError } from '@revcycle/kernel';

export class CoverageNotFound extends DomainError {
  constructor(coverageId: string) {
    super('SCHEDULING.COVERAGE_NOT_FOUND', 'No coverage with this id', { coverageId });
  }
}

export class CoverageAlreadyAdded extends DomainError {
  constructor(coverageId: string) {
    super('SCHEDULING.COVERAGE_ALREADY_ADDED', 'This coverage is already on file', { coverageId });
  }
}

export class InvalidCoverageDates extends DomainError {
  constructor(coverageId: string) {
    super('SCHEDULING.INVALID_COVERAGE_DATES', 'Coverage must not end before it starts', { coverageId });
  }
}

/** Eligibility recorded for a date that has not happened yet cannot be a real 271 answer. */
export class InvalidEligibilityCheck extends DomainError {
  constructor(coverageId: string, reason: string) {
    super('SCHEDULING.INVALID_ELIGIBILITY_CHECK', reason, { coverageId });
  }
}

export class InvalidSubscriber extends DomainError {
  constructor(coverageId: string) {
    super(
      'SCHEDULING.INVALID_SUBSCRIBER',
      'Give the subscriber exactly when the patient is not the subscriber',
      { coverageId },
    );
  }
}
