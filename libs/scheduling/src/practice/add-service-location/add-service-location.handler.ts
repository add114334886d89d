import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { createdId, keyed } from '../../command-keys';
import { deciders } from '../../scheduling-streams';
import type { ServiceLocation } from '../practice.events';
import { practiceStreamId } from '../practice.state';
import { decideAddServiceLocation } from './add-service-location.command';

export type LocationAccepted = { locationId: string; version: string };

export class AddServiceLocationMessage extends Command<CommandOutcome<LocationAccepted>> {
  constructor(
    readonly context: CommandContext,
    readonly location: Omit<ServiceLocation, 'locationId'>,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(AddServiceLocationMessage)
export class AddServiceLocationHandler implements ICommandHandler<AddServiceLocationMessage> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, location, expectedVersion }: AddServiceLocationMessage): Promise<CommandOutcome<LocationAccepted>> {
    const keyedContext = keyed(context);
    const locationId = createdId(keyedContext);
    return this.pipeline.handle({
      streamId: practiceStreamId(context.tenantId),
      decider: deciders.practice,
      context: keyedContext,
      commandType: 'scheduling.AddServiceLocation',
      payload: location,
      expectedVersion,
      decide: (state) => decideAddServiceLocation({ context, location: { ...location, locationId } }, state),
      respond: ({ version }) => ({ locationId, version: version.toString() }),
    });
  }
}
