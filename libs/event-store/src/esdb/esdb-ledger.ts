import { jsonEvent, NO_STREAM, StreamNotFoundError, WrongExpectedVersionError, type EventStoreDBClient } from '@eventstore/db-client';

import { IdempotencyKeyReused } from '../errors';
import type { LedgerEntry, LedgerRecord } from '../event-store.port';
import { ledgerStream } from './esdb-mapping';

const LEDGER_EVENT = 'revcycle.CommandRecorded';

interface LedgerData {
  commandType: string;
  payloadHash: string;
  result: unknown;
}

/**
 * The command idempotency ledger on EventStoreDB (event-store.md §10): one stream per command id,
 * written with NO_STREAM after the events, so of two racing writers exactly one records the key.
 * It cannot share a transaction with the append; a retry that finds no entry repeats the same append
 * with the same event ids, which the server deduplicates at an explicit expected revision.
 */
export class EsdbLedger {
  constructor(private readonly client: EventStoreDBClient) {}

  async find(tenantId: string, commandId: string): Promise<LedgerRecord | undefined> {
    try {
      for await (const resolved of this.client.readStream(ledgerStream(tenantId, commandId), { maxCount: 1 })) {
        const data = resolved.event?.data as LedgerData | undefined;
        if (data) return { commandType: data.commandType, payloadHash: Buffer.from(data.payloadHash, 'hex'), result: data.result };
      }
      return undefined;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  /** Records the key; the same key already recorded for another payload is refused, the same payload is fine. */
  async record(tenantId: string, entry: LedgerEntry, result: unknown): Promise<void> {
    const data: LedgerData = { commandType: entry.commandType, payloadHash: entry.payloadHash.toString('hex'), result };
    try {
      await this.client.appendToStream(ledgerStream(tenantId, entry.commandId), jsonEvent({ type: LEDGER_EVENT, data: { ...data } }), {
        expectedRevision: NO_STREAM,
      });
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const earlier = await this.find(tenantId, entry.commandId);
      if (earlier && !earlier.payloadHash.equals(entry.payloadHash)) throw new IdempotencyKeyReused(entry.commandId);
    }
  }
}
