import { describeEventStoreContract } from '../event-store.contract';
import { EsdbEventStore } from './esdb-event-store';

const url = process.env.EVENTSTOREDB_URL;

if (url) {
  describeEventStoreContract('EventStoreDB', async () => {
    // A throwaway local server usually runs --insecure; the flag must be asked for, never implied.
    const store = EsdbEventStore.connect(url, { development: process.env.EVENTSTOREDB_DEVELOPMENT === 'true' });
    return { store, close: () => store.close() };
  });
} else {
  // One line in every run, so a missing EventStoreDB never passes for a green contract.
  const reason = 'EVENTSTOREDB_URL is not set (e.g. esdb://admin:<password>@localhost:2113; add EVENTSTOREDB_DEVELOPMENT=true for an --insecure dev server)';
  describe('EventStore contract: EventStoreDB', () => {
    // Written at collection time: hooks of a describe whose tests are all skipped never run.
    process.stdout.write(`EventStoreDB contract suite skipped: ${reason}\n`);
    it.skip(`skipped: ${reason}`, () => undefined);
  });
}
