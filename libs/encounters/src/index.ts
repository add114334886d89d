// Public surface of the encounters context: its published events and, until the pipeline wiring
// lands (issue 3), the deciders the handlers will call.
export * from './contracts/encounters.public-events';
export type { EncounterEvent } from './encounter/encounter.events';
export { encounterStreamId, evolveEncounter, initialEncounterState, type EncounterState } from './encounter/encounter.state';
export type { EncounterFactsInput } from './encounter/encounter-facts';
export { decideOpenEncounter, type OpenEncounter } from './encounter/open-encounter/open-encounter.command';
export { decideReviseEncounter, type ReviseEncounter } from './encounter/revise-encounter/revise-encounter.command';
export { decideSignEncounter, type SignEncounter } from './encounter/sign-encounter/sign-encounter.command';
export {
  decideAddEncounterAddendum,
  type AddEncounterAddendum,
} from './encounter/add-encounter-addendum/add-encounter-addendum.command';
export { decideVoidEncounter, type VoidEncounter } from './encounter/void-encounter/void-encounter.command';
