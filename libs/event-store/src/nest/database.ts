import type { Pool } from 'pg';

/** The runtime connection pools (role `revcycle_app`), as a DI token. */
export class Database {
  constructor(
    /** Appends, consumers and their checkpoints. */
    readonly pool: Pool,
    /**
     * Read-model queries: its sessions cancel any statement running past the read-model timeout
     * (LIM-3), so one slow report cannot hold connections the commands need. Specs pass one pool.
     */
    readonly readModels: Pool = pool,
  ) {}
}
