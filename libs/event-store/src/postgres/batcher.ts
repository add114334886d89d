interface Waiting<I, O> {
  input: I;
  resolve: (output: O) => void;
  reject: (error: unknown) => void;
}

/**
 * Runs at most `concurrency` calls at once; work arriving while they are busy waits and leaves as
 * one batch when a call finishes. An idle system pays no added latency (a lone request goes at once),
 * and a busy one shares one round trip and one commit among everything that queued meanwhile.
 */
export class Batcher<I, O> {
  private readonly waiting: Array<Waiting<I, O>> = [];
  private running = 0;

  constructor(
    /** Answers each input in order, or throws for the whole batch. */
    private readonly run: (inputs: I[]) => Promise<O[]>,
    private readonly concurrency: number,
    private readonly maxBatch: number,
  ) {}

  submit(input: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      this.drain();
    });
  }

  private drain(): void {
    while (this.running < this.concurrency && this.waiting.length > 0) {
      const batch = this.waiting.splice(0, this.maxBatch);
      this.running++;
      // The next batch leaves before this one's callers resume: their continuations would otherwise
      // hold the event loop while the store sits idle.
      this.run(batch.map((w) => w.input)).then(
        (outputs) => {
          this.running--;
          this.drain();
          batch.forEach((w, i) => w.resolve(outputs[i]));
        },
        (error: unknown) => {
          this.running--;
          this.drain();
          batch.forEach((w) => w.reject(error));
        },
      );
    }
  }
}
