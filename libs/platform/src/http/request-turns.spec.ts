import { AsyncLocalStorage } from 'node:async_hooks';
import { once } from 'node:events';
import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

import { RequestTurns } from './request-turns';

/** Spins until `ms` have passed: a request's synchronous work, during which a peer's data arrives. */
function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

describe('RequestTurns', () => {
  let server: Server;
  let client: Socket;
  let peer: Socket;

  beforeEach(async () => {
    server = createServer();
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    [peer] = (await Promise.all([once(server, 'connection'), once(client, 'connect')]))[0] as [Socket];
  });

  afterEach(async () => {
    client.destroy();
    peer.destroy();
    server.close();
    await once(server, 'close');
  });

  it('given data arriving during one piece of work, when more work waits, then the data is read before the next piece runs', async () => {
    const order: string[] = [];
    client.on('data', () => order.push('data'));
    const turns = new RequestTurns();
    const finished = new Promise<void>((resolve) => {
      turns.take(() => {
        order.push('work 1');
        peer.write('answer');
        busy(20);
      });
      turns.take(() => order.push('work 2'));
      turns.take(() => {
        order.push('work 3');
        resolve();
      });
    });
    await finished;
    expect(order).toEqual(['work 1', 'data', 'work 2', 'work 3']);
  });

  it('runs waiting work in the order it came, each exactly once', async () => {
    const turns = new RequestTurns();
    const ran: number[] = [];
    await new Promise<void>((resolve) => {
      for (let i = 0; i < 5; i++) turns.take(() => ran.push(i));
      turns.take(resolve);
    });
    await new Promise<void>((resolve) => turns.take(resolve));
    expect(ran).toEqual([0, 1, 2, 3, 4]);
  });

  it('runs each piece of work in the async context it was handed over in', async () => {
    const requests = new AsyncLocalStorage<string>();
    const turns = new RequestTurns();
    const seen = await Promise.all(
      ['request 1', 'request 2', 'request 3'].map((id) => requests.run(id, () => new Promise<string | undefined>((resolve) => turns.take(() => resolve(requests.getStore()))))),
    );
    expect(seen).toEqual(['request 1', 'request 2', 'request 3']);
  });
});

