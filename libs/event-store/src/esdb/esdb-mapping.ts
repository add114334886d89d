import { ANY, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision, type CurrentRevision, type Position } from '@eventstore/db-client';

import type { ExpectedVersion } from '../event-store.port';

/**
 * Our versions count events (0 = empty) and stream positions are 1-based; EventStoreDB revisions are
 * 0-based (event-store.md §10). Every conversion between the two lives here.
 */
export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  if (expected === 'no_stream' || expected === 0n) return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  if (expected === 'any') return ANY;
  if (expected < 0n) throw new RangeError(`An expected version counts events and cannot be ${expected}`);
  return expected - 1n;
}

/** The stream version (event count) behind a revision the server reports. */
export function versionOf(revision: CurrentRevision): bigint {
  return revision === NO_STREAM ? 0n : revision + 1n;
}

const CHECKPOINT = /^esdb:(\d{20}):(\d{20})$/;

/** `esdb:<commit>:<prepare>`, both 20 digits, so string order equals log order like the PostgreSQL form. */
export function formatEsdbCheckpoint(position: Position): string {
  return `esdb:${position.commit.toString().padStart(20, '0')}:${position.prepare.toString().padStart(20, '0')}`;
}

export function parseEsdbCheckpoint(checkpoint: string): Position {
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new Error(`Not an EventStoreDB event-store checkpoint: ${checkpoint.slice(0, 60)}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

export const ESDB_START: string = formatEsdbCheckpoint({ commit: 0n, prepare: 0n });

/**
 * EventStoreDB has one stream namespace, so the tenant is part of the stream name: the same stream id
 * in two tenants is two streams, exactly as the PostgreSQL key (tenant_id, stream_id). The tenant goes
 * last so the category (text before the first dash) stays the aggregate's, and it is URI-encoded so a
 * domain stream name always ends in `@<tenant>` with no `@` inside the tenant.
 */
export function tenantStream(tenantId: string, streamId: string): string {
  return `${streamId}@${encodeURIComponent(tenantId)}`;
}

/** The tenant and stream id behind a stream name, or nothing for system and ledger streams. */
export function parseTenantStream(name: string): { tenantId: string; streamId: string } | undefined {
  const at = name.lastIndexOf('@');
  if (name.startsWith('$') || at <= 0) return undefined;
  try {
    return { tenantId: decodeURIComponent(name.slice(at + 1)), streamId: name.slice(0, at) };
  } catch {
    // Written by something else than this adapter: not one of our streams.
    return undefined;
  }
}

/**
 * `ledger-<tenant>:<command id>`, both encoded: `:` and `@` only appear as written here, so two
 * tenants' keys never meet and `parseTenantStream` never mistakes a ledger for a domain stream.
 */
export function ledgerStream(tenantId: string, commandId: string): string {
  return `ledger-${encodeURIComponent(tenantId)}:${encodeURIComponent(commandId)}`;
}
