import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { createdId, keyed } from '../../command-keys';
import { LinkPaymentRecordHandler } from '../../patient/link-payment-record/link-payment-record.handler';
import { PayerNotFound } from '../../payer/payer.errors';
import { payerStreamId } from '../../payer/payer.state';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import type { CoverageTerms } from '../coverage.events';
import { coverageStreamId, initialCoverageState } from '../coverage.state';
import { decideAddCoverage } from './add-coverage.command';

export type CoverageAccepted = { coverageId: string; version: string };

export class AddCoverageMessage extends Command<CommandOutcome<CoverageAccepted>> {
  constructor(readonly context: CommandContext, readonly terms: Omit<CoverageTerms, 'coverageId'>) {
    super();
  }
}

/** Validated first, then linked to the patient, then written: a refused coverage touches no stream. */
@CommandHandler(AddCoverageMessage)
export class AddCoverageHandler implements ICommandHandler<AddCoverageMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
    private readonly links: LinkPaymentRecordHandler,
  ) {}

  async execute({ context, terms }: AddCoverageMessage): Promise<CommandOutcome<CoverageAccepted>> {
    const keyedContext = keyed(context);
    const coverageId = createdId(keyedContext);
    const command = { context, terms: { ...terms, coverageId } };
    decideAddCoverage(command, initialCoverageState);
    const payer = await this.streams.state(context.tenantId, payerStreamId(terms.payerId), deciders.payer);
    if (payer.status !== 'registered') throw new PayerNotFound(terms.payerId);
    await this.links.link(keyedContext, terms.patientId, 'coverage', coverageId);
    return this.pipeline.handle({
      streamId: coverageStreamId(coverageId),
      decider: deciders.coverage,
      context: keyedContext,
      commandType: 'scheduling.AddCoverage',
      payload: terms,
      decide: (state) => decideAddCoverage(command, state),
      respond: ({ version }) => ({ coverageId, version: version.toString() }),
    });
  }
}
