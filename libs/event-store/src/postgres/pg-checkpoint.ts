/** Position in the PostgreSQL log: the top-level transaction id of the append and the global position. */
export interface PgPosition {
  xid: bigint;
  gp: bigint;
}

const PATTERN = /^pg:(\d{20}):(\d{19})$/;

/**
 * `pg:<xid, 20 digits>:<gp, 19 digits>` (event-store.md §3): zero-padded so that string order equals
 * log order. Only this adapter parses it.
 */
export function formatPgCheckpoint(position: PgPosition): string {
  return `pg:${position.xid.toString().padStart(20, '0')}:${position.gp.toString().padStart(19, '0')}`;
}

export function parsePgCheckpoint(checkpoint: string): PgPosition {
  const match = PATTERN.exec(checkpoint);
  if (!match) throw new Error(`Not a PostgreSQL event-store checkpoint: ${checkpoint.slice(0, 60)}`);
  return { xid: BigInt(match[1]), gp: BigInt(match[2]) };
}

export const PG_START: string = formatPgCheckpoint({ xid: 0n, gp: 0n });
