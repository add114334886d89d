import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, EventStore, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { BillingProfileSource } from '../../adapters/billing-profile.adapter';
import { CodingRulesSource } from '../../adapters/coding-rules.adapter';
import { runCodingCommand } from '../coding-command.handler';
import { CodingNotFound } from '../coding.errors';
import { codingStreamId, evolveCoding, initialCodingState } from '../coding.state';
import type { CodingView } from '../coding.view';
import { decideRefreshCodingDraft } from './refresh-coding-draft.command';

export class RefreshCodingDraftCommand extends Command<CommandOutcome<CodingView>> {
  constructor(
    readonly context: CommandContext,
    readonly encounterId: string,
    readonly expectedVersion?: bigint,
  ) {
    super();
  }
}

/** Reads the draft for its patient and provider, loads their profile and the rules, then decides. */
@CommandHandler(RefreshCodingDraftCommand)
export class RefreshCodingDraftHandler implements ICommandHandler<RefreshCodingDraftCommand> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly store: EventStore,
    private readonly profiles: BillingProfileSource,
    private readonly rules: CodingRulesSource,
  ) {}

  async execute({ context, encounterId, expectedVersion }: RefreshCodingDraftCommand): Promise<CommandOutcome<CodingView>> {
    const history = await this.store.readStream(codingStreamId(encounterId), { tenantId: context.tenantId });
    const current = history.reduce(evolveCoding, initialCodingState);
    if (current.status === 'none') throw new CodingNotFound(encounterId);
    const [profile, rules] = await Promise.all([this.profiles.profileFor(context.tenantId, current.subject), this.rules.load(context.tenantId)]);
    return runCodingCommand(this.pipeline, {
      context,
      encounterId,
      commandType: 'coding.RefreshCodingDraft',
      payload: { encounterId },
      // The profile was read for this version: a coding changed meanwhile is a conflict, never a silent mix.
      expectedVersion: expectedVersion ?? history[history.length - 1].streamPosition,
      decide: (state) => decideRefreshCodingDraft({ encounterId, profile, rules, refreshedBy: context.actor.id, refreshedAt: context.now.toISOString() }, state),
    });
  }
}
