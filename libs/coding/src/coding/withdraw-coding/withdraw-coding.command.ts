import type { CodingEvent } from '../coding.events';
import type { CodingState } from '../coding.state';

/** Issued by the policy when the encounter is voided as entered in error. */
export interface WithdrawCoding {
  encounterId: string;
  reason: string;
  withdrawnAt: string;
}

/**
 * A voided encounter must not be billed (encounters.EncounterVoided: "coding withdraws any charge built
 * from this encounter"). Nothing to withdraw for an encounter never coded; withdrawing twice is a no-op.
 */
export function decideWithdrawCoding(command: WithdrawCoding, state: CodingState): CodingEvent[] {
  if (state.status === 'none' || state.status === 'withdrawn') return [];
  return [
    {
      type: 'coding.CodingWithdrawn',
      data: { encounterId: command.encounterId, patientId: state.subject.patientId, dateOfService: state.subject.dateOfService, codingVersion: state.codingVersion, reason: command.reason, wasApproved: state.status === 'approved', withdrawnAt: command.withdrawnAt },
    },
  ];
}
