import { AsyncResource } from 'node:async_hooks';

import type { FastifyInstance } from 'fastify';

/**
 * Gives each command request's handling its own turn of the event loop, with a poll for I/O between
 * turns.
 *
 * Without it, every request that arrived together runs in one poll phase, each through guards,
 * validation and its command up to the first I/O, before the loop looks at its sockets again. A
 * database answer arriving meanwhile waited for all of them, and while it waited the database sat
 * idle: the append batcher sends the next batch only when the previous one has answered. Measured on
 * the booking benchmark: 1.7 to 1.9 ms from the end of the append to its answer being read.
 */
export class RequestTurns {
  private readonly waiting: Array<() => void> = [];
  private scheduled = false;

  /**
   * Runs `work` in a later turn, after any I/O that is ready by then, in the async context it was
   * handed over in: turns are shared, and a request must not run in another's context.
   */
  take(work: () => void): void {
    // Destroyed by hand: a resource left to the garbage collector costs a weak reference per request.
    const context = new AsyncResource('RequestTurn', { requireManualDestroy: true });
    this.waiting.push(() => {
      try {
        context.runInAsyncScope(work);
      } finally {
        context.emitDestroy();
      }
    });
    if (!this.scheduled) {
      this.scheduled = true;
      setImmediate(this.next);
    }
  }

  private readonly next = (): void => {
    const work = this.waiting.shift();
    // An immediate scheduled from an immediate runs after the loop's next poll for I/O.
    if (this.waiting.length > 0) setImmediate(this.next);
    else this.scheduled = false;
    work?.();
  };
}

/** Reads do little before their query; commands validate, decide and serialise before their append. */
const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Defers each command's handlers (guards, pipes, route) to its own turn; parsing stays where it is. */
export function installRequestTurns(fastify: FastifyInstance, turns = new RequestTurns()): void {
  fastify.addHook('preHandler', (request, _reply, done) => (READS.has(request.method) ? done() : turns.take(done)));
}
