import { type BillingProfile, type CodingRules, suggestCoding } from '../coding-evaluation';
import { CodingAlreadyApproved, CodingAlreadyWithdrawn, CodingNotFound } from '../coding.errors';
import type { CodingEvent } from '../coding.events';
import type { CodingState } from '../coding.state';

/** A coder asks for the suggestion again, from the signed facts and today's payer, credential and rules. */
export interface RefreshCodingDraft {
  encounterId: string;
  profile: BillingProfile;
  rules: CodingRules;
  refreshedBy: string;
  refreshedAt: string;
}

/**
 * For a draft opened before the patient's payer or the provider's credential was recorded, or whose
 * payer rules or fees changed since. It replaces the coder's edits, as a new suggestion must.
 */
export function decideRefreshCodingDraft(command: RefreshCodingDraft, state: CodingState): CodingEvent[] {
  if (state.status === 'none') throw new CodingNotFound(command.encounterId);
  if (state.status === 'approved') throw new CodingAlreadyApproved(command.encounterId, state.codingVersion);
  if (state.status === 'withdrawn') throw new CodingAlreadyWithdrawn(command.encounterId);
  const suggestion = suggestCoding(state.facts, command.profile, command.rules);
  return [{ type: 'coding.CodingDraftRefreshed', data: { encounterId: command.encounterId, refreshedBy: command.refreshedBy, refreshedAt: command.refreshedAt, ...suggestion } }];
}
