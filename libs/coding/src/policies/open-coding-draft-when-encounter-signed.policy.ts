import { Injectable } from '@nestjs/common';

import type { EncounterAddendumRecorded, EncounterSigned, EncounterVoided } from '@revcycle/encounters';
import { CommandPipeline, EventConsumer, EventStore, policyContext, type Consumer, type StoredEvent } from '@revcycle/event-store';
import type { CommandContext } from '@revcycle/kernel';

import { BillingProfileSource } from '../adapters/billing-profile.adapter';
import { CodingRulesSource } from '../adapters/coding-rules.adapter';
import { suggestCoding } from '../coding/coding-evaluation';
import type { CodingEvent, CodingSubject } from '../coding/coding.events';
import { codingStreamId, evolveCoding, initialCodingState, type CodingState } from '../coding/coding.state';
import { decideOpenCodingDraft } from '../coding/open-coding-draft/open-coding-draft.command';
import { decideReviseCodingForAddendum } from '../coding/revise-coding-for-addendum/revise-coding-for-addendum.command';
import { decideWithdrawCoding } from '../coding/withdraw-coding/withdraw-coding.command';

const POLICY = 'open-coding-draft-when-encounter-signed';

/**
 * A signed encounter opens its coding draft with suggested lines, charges and findings; an addendum
 * rebuilds the draft or reopens an approved coding (issue 4); a void withdraws the coding. Commands
 * carry a command id derived from the source event (event-store.md §6), so a redelivery issues nothing twice.
 */
@Injectable()
@EventConsumer()
export class OpenCodingDraftWhenEncounterSigned implements Consumer {
  readonly name = `coding.${POLICY}`;
  readonly version = 1;
  readonly handles = ['encounters.EncounterSigned', 'encounters.EncounterAddendumRecorded', 'encounters.EncounterVoided'];

  constructor(
    private readonly pipeline: CommandPipeline,
    private readonly store: EventStore,
    private readonly rules: CodingRulesSource,
    private readonly profiles: BillingProfileSource,
  ) {}

  async apply(event: StoredEvent): Promise<void> {
    const context = policyContext(POLICY, event);
    const source = event as unknown as EncounterSigned | EncounterAddendumRecorded | EncounterVoided;
    if (source.type === 'encounters.EncounterSigned') await this.open(source, event.eventId, context);
    else if (source.type === 'encounters.EncounterAddendumRecorded') await this.revise(source, context);
    else await this.withdraw(source, context);
  }

  private async withdraw({ data }: EncounterVoided, context: CommandContext): Promise<void> {
    await this.issue(context, data.encounterId, 'coding.WithdrawCoding', { encounterId: data.encounterId }, (state) =>
      decideWithdrawCoding({ encounterId: data.encounterId, reason: data.reason, withdrawnAt: data.voidedAt }, state),
    );
  }

  private async open({ data }: EncounterSigned, sourceEventId: string, context: CommandContext): Promise<void> {
    const { facts } = data;
    const subject: CodingSubject = {
      encounterId: data.encounterId,
      patientId: data.patientId,
      part2: data.part2,
      renderingProviderId: facts.renderingProviderId,
      dateOfService: facts.dateOfService,
    };
    const suggestion = await this.suggest(context.tenantId, subject, facts);
    await this.issue(context, data.encounterId, 'coding.OpenCodingDraft', { sourceEventId }, (state) =>
      decideOpenCodingDraft({ subject, facts, sourceEventId, suggestion, openedAt: data.signedAt }, state),
    );
  }

  private async revise({ data }: EncounterAddendumRecorded, context: CommandContext): Promise<void> {
    const history = await this.store.readStream(codingStreamId(data.encounterId), { tenantId: context.tenantId });
    const state = history.reduce(evolveCoding, initialCodingState);
    if (state.status === 'none') return;
    const { facts } = data;
    const subject = { ...state.subject, renderingProviderId: facts.renderingProviderId, dateOfService: facts.dateOfService };
    const suggestion = await this.suggest(context.tenantId, subject, facts);
    const changes = { encounterId: data.encounterId, addendumId: data.addendumId, dateOfService: facts.dateOfService, renderingProviderId: facts.renderingProviderId };
    await this.issue(context, data.encounterId, 'coding.ReviseCodingForAddendum', { addendumId: data.addendumId }, (current) =>
      decideReviseCodingForAddendum({ ...changes, facts, suggestion, recordedAt: data.recordedAt }, current),
    );
  }

  private async suggest(tenantId: string, subject: CodingSubject, facts: EncounterSigned['data']['facts']) {
    const [profile, rules] = await Promise.all([this.profiles.profileFor(tenantId, subject), this.rules.load(tenantId)]);
    return suggestCoding(facts, profile, rules);
  }

  private async issue(context: CommandContext, encounterId: string, commandType: string, payload: unknown, decide: (state: CodingState) => CodingEvent[]): Promise<void> {
    await this.pipeline.handle({
      streamId: codingStreamId(encounterId),
      decider: { initialState: initialCodingState, evolve: evolveCoding },
      context,
      commandType,
      payload,
      decide,
      respond: ({ events }) => ({ encounterId, events: events.length }),
    });
  }
}
