import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import type { PayerRule } from '../../rules/payer-rules';
import { evolvePayerRules, initialPayerRulesState, payerRulesStreamId, samePayerRuleSlot } from '../payer-rules.state';
import { decideSetPayerRule, payerRuleFrom, type SetPayerRule } from './set-payer-rule.command';

export class SetPayerRuleCommand extends Command<CommandOutcome<{ rule: PayerRule }>> {
  constructor(
    readonly context: CommandContext,
    readonly input: SetPayerRule,
  ) {
    super();
  }
}

@CommandHandler(SetPayerRuleCommand)
export class SetPayerRuleHandler implements ICommandHandler<SetPayerRuleCommand> {
  constructor(private readonly pipeline: CommandPipeline) {}

  execute({ context, input }: SetPayerRuleCommand): Promise<CommandOutcome<{ rule: PayerRule }>> {
    return this.pipeline.handle({
      streamId: payerRulesStreamId(),
      decider: { initialState: initialPayerRulesState, evolve: evolvePayerRules },
      context,
      commandType: 'coding.SetPayerRule',
      payload: input,
      decide: (state) => decideSetPayerRule(input, state),
      respond: ({ state }) => ({ rule: state.rules.find((rule) => samePayerRuleSlot(rule, payerRuleFrom(input)))! }),
    });
  }
}
