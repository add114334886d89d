import { createTestDatabase } from '@revcycle/testing';

import { describeEventStoreContract } from '../event-store.contract';
import { eventStoreMigrations } from './migrations';
import { PgEventStore } from './pg-event-store';

// The shared port contract on PostgreSQL, in an isolated database, as the runtime role.
describeEventStoreContract('PostgreSQL', async () => {
  const db = await createTestDatabase(eventStoreMigrations());
  return { store: new PgEventStore(db.appPool), close: () => db.drop() };
});
