import { canonicalJson, type CommandContext } from '@revcycle/kernel';

import { assertBillableFactsOnly, buildEncounterFacts, type EncounterFactsInput } from '../encounter-facts';
import type { EncounterFactsRevised } from '../encounter.events';
import { EncounterAlreadySigned, EncounterAlreadyVoided, EncounterNotFound } from '../encounter.errors';
import type { EncounterState } from '../encounter.state';

export interface ReviseEncounter {
  context: CommandContext;
  encounterId: string;
  facts: EncounterFactsInput;
}

const COMMAND_FIELDS = new Set(['context', 'encounterId', 'facts']);

/** Replaces the draft's facts as a whole; identical facts write nothing. */
export function decideReviseEncounter(command: ReviseEncounter, state: EncounterState): EncounterFactsRevised[] {
  const { encounterId } = command;
  assertBillableFactsOnly(encounterId, command, COMMAND_FIELDS);
  if (state.status === 'none') throw new EncounterNotFound(encounterId);
  if (state.status === 'signed') throw new EncounterAlreadySigned(encounterId);
  if (state.status === 'voided') throw new EncounterAlreadyVoided(encounterId);
  const facts = buildEncounterFacts(encounterId, command.facts);
  if (canonicalJson(facts) === canonicalJson(state.facts)) return [];
  return [{ type: 'encounters.EncounterFactsRevised', data: { encounterId, facts } }];
}
