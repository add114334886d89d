import { hash } from 'node:crypto';

import { canonicalJson, uuidV5 } from '@revcycle/kernel';

import type { LedgerRecord } from './event-store.port';

/** Idempotent replay: an append whose command id is already in the ledger (any adapter). */
export class CommandAlreadyRecorded extends Error {
  constructor(readonly record: LedgerRecord) {
    super('command already recorded');
  }
}

/** SHA-256 of a command's canonical payload, stored in the idempotency ledger. */
export function payloadHash(payload: unknown): Buffer {
  return hash('sha256', canonicalJson(payload), 'buffer');
}

/**
 * The id of event `index` of a command (event-store.md §6, §10): derived from tenant and idempotency
 * key, so a retried append after a lost answer carries the same ids and is recognised, not doubled.
 */
export function commandEventId(tenantId: string, commandId: string, index: number): string {
  return uuidV5(`${tenantId}:${commandId}:${index}`);
}
