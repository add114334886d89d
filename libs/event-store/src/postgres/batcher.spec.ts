import { Batcher } from './batcher';

/** A run the test finishes by hand, recording the batches it was given. */
function manualRun() {
  const batches: number[][] = [];
  const pending: Array<{ resolve: (outputs: number[]) => void; reject: (error: Error) => void; inputs: number[] }> = [];
  const run = (inputs: number[]) =>
    new Promise<number[]>((resolve, reject) => {
      batches.push(inputs);
      pending.push({ resolve, reject, inputs });
    });
  return { batches, pending, run };
}

/** Lets the batcher's promise callbacks run: the next batch leaves once the finished call has settled. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Batcher', () => {
  it('given an idle batcher, when one input arrives, then it runs at once on its own', async () => {
    const { batches, pending, run } = manualRun();
    const batcher = new Batcher(run, 1, 10);
    const answer = batcher.submit(7);
    expect(batches).toEqual([[7]]);
    pending[0].resolve([70]);
    await expect(answer).resolves.toBe(70);
  });

  it('given calls in flight, when more inputs arrive, then they wait and leave together in order, capped at the batch size', async () => {
    const { batches, pending, run } = manualRun();
    const batcher = new Batcher(run, 1, 2);
    const answers = [1, 2, 3, 4].map((n) => batcher.submit(n));
    expect(batches).toEqual([[1]]);
    pending[0].resolve([10]);
    await settle();
    expect(batches).toEqual([[1], [2, 3]]);
    pending[1].resolve([20, 30]);
    await settle();
    expect(batches).toEqual([[1], [2, 3], [4]]);
    pending[2].resolve([40]);
    await expect(Promise.all(answers)).resolves.toEqual([10, 20, 30, 40]);
  });

  it('when a whole call fails, then every input of that batch gets the error and later inputs still run', async () => {
    const { batches, pending, run } = manualRun();
    const batcher = new Batcher(run, 1, 10);
    const first = batcher.submit(1);
    const queued = [batcher.submit(2), batcher.submit(3)];
    pending[0].reject(new Error('connection lost'));
    await expect(first).rejects.toThrow('connection lost');
    await settle();
    expect(batches).toEqual([[1], [2, 3]]);
    pending[1].reject(new Error('still down'));
    await expect(Promise.allSettled(queued)).resolves.toEqual([
      { status: 'rejected', reason: new Error('still down') },
      { status: 'rejected', reason: new Error('still down') },
    ]);
    await settle();
    const later = batcher.submit(4);
    pending[2].resolve([40]);
    await expect(later).resolves.toBe(40);
  });

  it('runs up to the concurrency limit at once', () => {
    const { batches, run } = manualRun();
    const batcher = new Batcher(run, 2, 10);
    [1, 2, 3].forEach((n) => void batcher.submit(n).catch(() => undefined));
    expect(batches).toEqual([[1], [2]]);
  });

  it('given inputs waiting, when a call finishes, then the next batch has left before the finished callers resume', async () => {
    const { batches, pending, run } = manualRun();
    const batcher = new Batcher(run, 1, 10);
    const sentWhenResumed: number[] = [];
    const first = batcher.submit(1).then(() => sentWhenResumed.push(batches.length));
    void batcher.submit(2);
    pending[0].resolve([10]);
    await first;
    expect(sentWhenResumed).toEqual([2]);
  });
});
