import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';

import { CommandPipeline, type CommandOutcome } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { createdId, keyed } from '../../command-keys';
import { LinkPaymentRecordHandler } from '../../patient/link-payment-record/link-payment-record.handler';
import { PayerNotFound } from '../../payer/payer.errors';
import { payerStreamId } from '../../payer/payer.state';
import { deciders, SchedulingStreams } from '../../scheduling-streams';
import type { AuthorizationTerms } from '../authorization.events';
import { authorizationStreamId, initialAuthorizationState } from '../authorization.state';
import { decideRecordAuthorization } from './record-authorization.command';

export type AuthorizationAccepted = { authorizationId: string; version: string };

export class RecordAuthorizationMessage extends Command<CommandOutcome<AuthorizationAccepted>> {
  constructor(readonly context: CommandContext, readonly terms: Omit<AuthorizationTerms, 'authorizationId'>) {
    super();
  }
}

/** Validated, linked to the patient, then written, like a coverage. */
@CommandHandler(RecordAuthorizationMessage)
export class RecordAuthorizationHandler implements ICommandHandler<RecordAuthorizationMessage> {
  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly streams: SchedulingStreams,
    private readonly links: LinkPaymentRecordHandler,
  ) {}

  async execute({ context, terms }: RecordAuthorizationMessage): Promise<CommandOutcome<AuthorizationAccepted>> {
    const keyedContext = keyed(context);
    const authorizationId = createdId(keyedContext);
    const command = { context, terms: { ...terms, authorizationId } };
    decideRecordAuthorization(command, initialAuthorizationState);
    const payer = await this.streams.state(context.tenantId, payerStreamId(terms.payerId), deciders.payer);
    if (payer.status !== 'registered') throw new PayerNotFound(terms.payerId);
    await this.links.link(keyedContext, terms.patientId, 'authorization', authorizationId);
    return this.pipeline.handle({
      streamId: authorizationStreamId(authorizationId),
      decider: deciders.authorization,
      context: keyedContext,
      commandType: 'scheduling.RecordAuthorization',
      payload: terms,
      decide: (state) => decideRecordAuthorization(command, state),
      respond: ({ version }) => ({ authorizationId, version: version.toString() }),
    });
  }
}
