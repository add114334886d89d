import type { CommandContext } from '@revcycle/kernel';

import type { Part2Label } from '../../contracts/encounters.public-events';
import { assertBillableFactsOnly, buildEncounterFacts, type EncounterFactsInput } from '../encounter-facts';
import type { EncounterOpened } from '../encounter.events';
import { EncounterAlreadyOpened } from '../encounter.errors';
import type { EncounterState } from '../encounter.state';

/**
 * Opened by a policy when an appointment completes (the encounter id derived from the appointment
 * id, so a redelivered completion hits ALREADY_OPENED), or directly for an unscheduled service.
 */
export interface OpenEncounter {
  context: CommandContext;
  encounterId: string;
  patientId: string;
  appointmentId: string | null;
  part2: Part2Label;
  facts: EncounterFactsInput;
}

const COMMAND_FIELDS = new Set(['context', 'encounterId', 'patientId', 'appointmentId', 'part2', 'facts']);

export function decideOpenEncounter(command: OpenEncounter, state: EncounterState): EncounterOpened[] {
  const { encounterId, patientId, appointmentId, part2 } = command;
  assertBillableFactsOnly(encounterId, command, COMMAND_FIELDS);
  if (state.status !== 'none') throw new EncounterAlreadyOpened(encounterId);
  const facts = buildEncounterFacts(encounterId, command.facts);
  return [{ type: 'encounters.EncounterOpened', data: { encounterId, patientId, appointmentId, part2, facts } }];
}
