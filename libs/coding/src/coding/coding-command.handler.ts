import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { CodingNotFound } from './coding.errors';
import type { CodingEvent } from './coding.events';
import { codingStreamId, evolveCoding, initialCodingState, type CodingState } from './coding.state';
import { codingViewOf, type CodingView } from './coding.view';

export interface CodingCommandRequest {
  context: CommandContext;
  encounterId: string;
  commandType: string;
  payload: unknown;
  expectedVersion?: bigint;
  decide(state: CodingState): CodingEvent[];
}

/** The coder commands on one coding stream: decided through the pipeline, answered with the coding as it now stands. */
export function runCodingCommand(pipeline: CommandPipeline, request: CodingCommandRequest): Promise<CommandOutcome<CodingView>> {
  const { context, encounterId, commandType, payload, expectedVersion, decide } = request;
  return pipeline.handle({
    streamId: codingStreamId(encounterId),
    decider: { initialState: initialCodingState, evolve: evolveCoding },
    context,
    commandType,
    payload,
    expectedVersion,
    decide,
    respond: ({ state }) => {
      if (state.status === 'none') throw new CodingNotFound(encounterId);
      return codingViewOf(state);
    },
  });
}
