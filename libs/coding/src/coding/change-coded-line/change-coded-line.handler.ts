import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { CodingRulesSource } from '../../adapters/coding-rules.adapter';
import { runCodingCommand } from '../coding-command.handler';
import type { CodingView } from '../coding.view';
import { decideChangeCodedLine, type ChangeCodedLine } from './change-coded-line.command';

export class ChangeCodedLineCommand extends Command<CommandOutcome<CodingView>> {
  constructor(
    readonly context: CommandContext,
    readonly input: Omit<ChangeCodedLine, 'rules' | 'changedBy' | 'changedAt'>,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

/** Loads the code sets, payer rules and fees the changed line is re-checked against. */
@CommandHandler(ChangeCodedLineCommand)
export class ChangeCodedLineHandler implements ICommandHandler<ChangeCodedLineCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly rules: CodingRulesSource,
  ) {}

  async execute({ context, input, expectedVersion }: ChangeCodedLineCommand): Promise<CommandOutcome<CodingView>> {
    const rules = await this.rules.load(context.tenantId);
    return runCodingCommand(this.pipeline, {
      context,
      encounterId: input.encounterId,
      commandType: 'coding.ChangeCodedLine',
      payload: input,
      expectedVersion,
      decide: (state) => decideChangeCodedLine({ ...input, rules, changedBy: context.actor.id, changedAt: context.now.toISOString() }, state),
    });
  }
}
