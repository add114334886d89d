import { DomainError } from '@revcycle/kernel';

export class GoodFaithEstimateAlreadyIssued extends DomainError {
  constructor(estimateId: string) {
    super('SCHEDULING.GOOD_FAITH_ESTIMATE_ALREADY_ISSUED', 'This estimate id is already in use', { estimateId });
  }
}

/** The No Surprises Act estimate is for uninsured patients and those not billing their plan. */
export class GoodFaithEstimateNotApplicable extends DomainError {
  constructor(estimateId: string) {
    super(
      'SCHEDULING.GOOD_FAITH_ESTIMATE_NOT_APPLICABLE',
      'A good faith estimate is issued to uninsured or self-pay patients only',
      { estimateId },
    );
  }
}

export class InvalidGoodFaithEstimate extends DomainError {
  constructor(estimateId: string, reason: string, field: string) {
    super('SCHEDULING.INVALID_GOOD_FAITH_ESTIMATE', reason, { estimateId, field });
  }
}
