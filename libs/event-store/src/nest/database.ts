import type { Pool } from 'pg';

/** The runtime connection pool (role `revcycle_app`), as a DI token. */
export class Database {
  constructor(readonly pool: Pool) {}
}
