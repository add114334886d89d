import { canonicalJson, type CommandContext } from '@revcycle/kernel';

import type { AddendumReason, EncounterAddendumRecorded, EncounterFacts } from '../../contracts/encounters.public-events';
import { assertAttestsAsProvider, type ProviderAccount } from '../acting-provider';
import { assertBillableFactsOnly, buildEncounterFacts, type EncounterFactsInput } from '../encounter-facts';
import {
  EncounterAlreadyVoided,
  EncounterNotFound,
  EncounterNotReadyForAddendum,
  InvalidEncounterFacts,
  InvalidSigner,
} from '../encounter.errors';
import type { EncounterState } from '../encounter.state';
import { assertSignable } from '../sign-readiness';

export interface AddEncounterAddendum {
  context: CommandContext;
  encounterId: string;
  addendumId: string;
  reason: AddendumReason;
  changes: Partial<EncounterFactsInput>;
  recordingProviderId: string;
  /** The account the provider registry links to the recording provider. */
  recordingAccount: ProviderAccount;
}

const COMMAND_FIELDS = new Set(['context', 'encounterId', 'addendumId', 'reason', 'changes', 'recordingProviderId', 'recordingAccount']);

/**
 * After signing, the record is amended, never overwritten: each addendum is its own event with a
 * reason code and the fields it changed, linked to the original (45 CFR 164.526; security.md PN-3).
 */
export function decideAddEncounterAddendum(
  command: AddEncounterAddendum,
  state: EncounterState,
): EncounterAddendumRecorded[] {
  const { encounterId, addendumId, reason, changes, recordingProviderId, recordingAccount, context } = command;
  assertBillableFactsOnly(encounterId, command, COMMAND_FIELDS);
  if (state.status === 'none') throw new EncounterNotFound(encounterId);
  if (state.status === 'draft') throw new EncounterNotReadyForAddendum(encounterId);
  if (state.status === 'voided') throw new EncounterAlreadyVoided(encounterId);
  if (state.addendumIds.includes(addendumId)) return [];
  if (context.actor.role !== 'clinician') throw new InvalidSigner(encounterId, 'Only a clinician records addenda');
  assertAttestsAsProvider(
    encounterId,
    context,
    state.facts,
    recordingProviderId,
    recordingAccount,
    'An addendum is recorded by the rendering or supervising provider',
  );
  const { minutes: _derived, ...current } = state.facts;
  const facts = assertSignable(encounterId, buildEncounterFacts(encounterId, { ...current, ...changes }));
  const changedFields = (Object.keys(facts) as Array<keyof EncounterFacts>).filter(
    (field) => canonicalJson(facts[field]) !== canonicalJson(state.facts[field]),
  );
  if (changedFields.length === 0) throw new InvalidEncounterFacts(encounterId, 'changes', 'The addendum changes nothing');
  return [
    {
      type: 'encounters.EncounterAddendumRecorded',
      data: { encounterId, addendumId, reason, changedFields, facts, recordedByProviderId: recordingProviderId, recordedAt: context.now.toISOString() },
    },
  ];
}
