import { DomainError } from '@revcycle/kernel';

export class CodingNotFound extends DomainError {
  constructor(encounterId: string) {
    super('CODING.CODING_NOT_FOUND', 'No coding draft exists for this encounter', { encounterId });
  }
}

export class CodingAlreadyApproved extends DomainError {
  constructor(encounterId: string, codingVersion: number) {
    super('CODING.CODING_ALREADY_APPROVED', 'This coding is approved; an addendum reopens it as a new version', { encounterId, codingVersion });
  }
}

export class CodedLineNotFound extends DomainError {
  constructor(lineIndex: number, lineCount: number) {
    super('CODING.LINE_NOT_FOUND', `The draft has ${lineCount} line(s); line ${lineIndex} does not exist`, { lineIndex, lineCount });
  }
}

/** Approval is refused while error findings remain, unless a coder overrides them with a reason (issue 4). */
export class CodingBlockedByFindings extends DomainError {
  constructor(ruleIds: string[]) {
    super('CODING.APPROVAL_BLOCKED_BY_FINDINGS', `Error findings remain (${ruleIds.join(', ')}); fix them or override with a reason`, { ruleIds });
  }
}

export class CodingHasNoLines extends DomainError {
  constructor(encounterId: string) {
    super('CODING.NOT_READY_NO_LINES', 'The draft has no billable lines to approve', { encounterId });
  }
}

/** The encounter was voided; nothing of this coding may be billed or changed. */
export class CodingAlreadyWithdrawn extends DomainError {
  constructor(encounterId: string) {
    super('CODING.CODING_ALREADY_WITHDRAWN', 'The encounter was voided and its coding withdrawn', { encounterId });
  }
}
