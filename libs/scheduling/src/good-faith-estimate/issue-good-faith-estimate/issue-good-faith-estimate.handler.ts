import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { primaryCoverageOn } from '../../appointment/payment-facts';
import { createdId, keyed } from '../../command-keys';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import { goodFaithEstimateStreamId } from '../good-faith-estimate.state';
import { decideIssueGoodFaithEstimate, type IssueGoodFaithEstimate } from './issue-good-faith-estimate.command';

export type EstimateRequest = Omit<IssueGoodFaithEstimate, 'context' | 'estimateId' | 'payment' | 'timeZone'>;
export type EstimateAccepted = { estimateId: string; version: string; totalCents: number; dueBy: string; issuedOnTime: boolean };

export class IssueGoodFaithEstimateMessage extends Command<CommandOutcome<EstimateAccepted>> {
  constructor(readonly context: CommandContext, readonly request: EstimateRequest) {
    super();
  }
}

/** Whether the patient is self-pay is read from their coverage streams as of the first session. */
@CommandHandler(IssueGoodFaithEstimateMessage)
export class IssueGoodFaithEstimateHandler implements ICommandHandler<IssueGoodFaithEstimateMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
  ) {}

  async execute({ context, request }: IssueGoodFaithEstimateMessage): Promise<CommandOutcome<EstimateAccepted>> {
    const keyedContext = keyed(context);
    const estimateId = createdId(keyedContext);
    const practice = await this.streams.practice(context.tenantId);
    const patient = await this.streams.registeredPatient(context.tenantId, request.patientId);
    const picture = await this.streams.paymentPicture(context.tenantId, practice, patient);
    const payment = primaryCoverageOn(picture, request.firstSessionOn) === null ? 'self_pay' : 'insured';
    const command = { ...request, context, estimateId, payment, timeZone: practice.profile.timeZone } as const;
    return this.pipeline.handle({
      streamId: goodFaithEstimateStreamId(estimateId),
      decider: deciders.goodFaithEstimate,
      context: keyedContext,
      commandType: 'scheduling.IssueGoodFaithEstimate',
      payload: request,
      decide: (state) => decideIssueGoodFaithEstimate(command, state),
      respond: ({ version, state }) => ({
        estimateId,
        version: version.toString(),
        totalCents: state.status === 'issued' ? state.totalCents : 0,
        dueBy: state.status === 'issued' ? state.dueBy : '',
        issuedOnTime: state.status === 'issued' && state.issuedOnTime,
      }),
    });
  }
}
