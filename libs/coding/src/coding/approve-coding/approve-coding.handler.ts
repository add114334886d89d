import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { runCodingCommand } from '../coding-command.handler';
import type { CodingView } from '../coding.view';
import { decideApproveCoding } from './approve-coding.command';

export class ApproveCodingCommand extends Command<CommandOutcome<CodingView>> {
  constructor(
    readonly context: CommandContext,
    readonly input: { encounterId: string; overrideReason?: string },
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

@CommandHandler(ApproveCodingCommand)
export class ApproveCodingHandler implements ICommandHandler<ApproveCodingCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, input, expectedVersion }: ApproveCodingCommand): Promise<CommandOutcome<CodingView>> {
    return runCodingCommand(this.pipeline, {
      context,
      encounterId: input.encounterId,
      commandType: 'coding.ApproveCoding',
      payload: input,
      expectedVersion,
      decide: (state) => decideApproveCoding({ ...input, approvedBy: context.actor.id, approvedAt: context.now.toISOString() }, state),
    });
  }
}
