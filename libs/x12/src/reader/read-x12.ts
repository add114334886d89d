import type { X12Issue, X12Result } from '../issues';
import { sniffBytes, sniffText } from './encoding';
import { EnvelopeTracker, type GroupHeader, type InterchangeHeader, type TransactionHeader, type X12Visitor } from './envelope';
import type { Segment } from './segment';
import { SegmentTokenizer } from './tokenizer';

/** Caps applied before and while parsing (x12.md §1.11); exceeding one stops reading with an error. */
export interface X12ReadLimits {
  maxBytes: number;
  maxSegments: number;
  maxTransactionSetsPerInterchange: number;
  timeBudgetMs: number;
  maxSegmentLength: number;
}

/** Defaults sized for the largest remittances we expect (a 100 MB 835 fits). */
export const DEFAULT_READ_LIMITS: X12ReadLimits = {
  maxBytes: 256 * 1024 * 1024,
  maxSegments: 10_000_000,
  maxTransactionSetsPerInterchange: 100_000,
  timeBudgetMs: 60_000,
  maxSegmentLength: 64 * 1024,
};

/** A streaming reader: push chunks, then `end()` for every issue found; `fatal` is set when reading stopped. */
export interface X12StreamReader {
  push(chunk: Uint8Array | string): void;
  end(): { issues: X12Issue[]; fatal?: X12Issue };
}

const SNIFF_BYTES = 80;

// One byte per character, so offsets stay byte offsets; the tokenizer re-decodes any non-ASCII segment as UTF-8.
const decode = (chunk: Uint8Array | string): string =>
  typeof chunk === 'string' ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
const CLOCK_EVERY = 4096;

/** Creates a streaming reader that reports segments and envelopes to `visitor` with bounded memory. */
export function createX12Reader(visitor: X12Visitor, limits: Partial<X12ReadLimits> = {}): X12StreamReader {
  const lim = { ...DEFAULT_READ_LIMITS, ...limits };
  const issues: X12Issue[] = [];
  let fatal: X12Issue | undefined;
  let bytes = 0;
  let segments = 0;
  let head: (Uint8Array | string)[] = [];
  let headSize = 0;
  let tokenizer: SegmentTokenizer | undefined;
  const started = Date.now();
  const stop = (issue: X12Issue): void => {
    if (fatal) return;
    fatal = issue;
    issues.push(issue);
  };
  const tracker = new EnvelopeTracker(visitor, (i) => issues.push(i), stop, lim.maxTransactionSetsPerInterchange);
  const sink = {
    segment(seg: Segment): void {
      if (fatal) return;
      if (++segments > lim.maxSegments) {
        stop({ severity: 'error', code: 'LIMIT_SEGMENTS', message: `more than ${lim.maxSegments} segments`, offset: seg.offset, segment: seg.index });
        return;
      }
      if (segments % CLOCK_EVERY === 0 && Date.now() - started > lim.timeBudgetMs) {
        stop({ severity: 'error', code: 'LIMIT_TIME', message: `reading took longer than ${lim.timeBudgetMs} ms`, offset: seg.offset, segment: seg.index });
        return;
      }
      tracker.accept(seg);
    },
    issue: (i: X12Issue) => issues.push(i),
    fatal: stop,
  };

  // The first bytes decide the encoding, so they are held until enough have arrived.
  const start = (final: boolean): void => {
    if (tokenizer || fatal || (headSize < SNIFF_BYTES && !final)) return;
    const first = head[0];
    const binary = typeof first !== 'string';
    const verdict = binary
      ? sniffBytes(Buffer.concat(head.map((c) => (typeof c === 'string' ? Buffer.from(c, 'latin1') : c))).subarray(0, SNIFF_BYTES + 3))
      : sniffText((head as string[]).join('').slice(0, SNIFF_BYTES + 1));
    if ('issue' in verdict) return stop(verdict.issue);
    tokenizer = new SegmentTokenizer(sink, binary, lim.maxSegmentLength);
    const pending = head;
    head = [];
    let skip = verdict.bomLength;
    for (const chunk of pending) {
      const text = decode(chunk);
      const cut = Math.min(skip, text.length);
      skip -= cut;
      tokenizer.skip(cut);
      tokenizer.push(text.slice(cut));
      if (tokenizer.stopped) return;
    }
  };

  return {
    push(chunk) {
      if (fatal) return;
      bytes += chunk.length;
      if (bytes > lim.maxBytes) {
        stop({ severity: 'error', code: 'LIMIT_BYTES', message: `input is larger than ${lim.maxBytes} bytes`, offset: lim.maxBytes });
        return;
      }
      if (!tokenizer) {
        head.push(chunk);
        headSize += chunk.length;
        start(false);
        return;
      }
      tokenizer.push(decode(chunk));
    },
    end() {
      if (!fatal && !tokenizer) start(true);
      if (!fatal && tokenizer) {
        tokenizer.end();
        if (!fatal) tracker.finish();
      }
      return fatal ? { issues, fatal } : { issues };
    },
  };
}

/** A transaction set with all its segments, ST to SE inclusive. */
export interface X12TransactionSet extends TransactionHeader {
  segments: Segment[];
  trailer?: Segment;
}

/** A functional group with its transaction sets. */
export interface X12Group extends GroupHeader {
  transactions: X12TransactionSet[];
  trailer?: Segment;
}

/** An interchange with its groups. */
export interface X12Interchange extends InterchangeHeader {
  groups: X12Group[];
  trailer?: Segment;
}

/** Everything read from one file: one or more interchanges. */
export interface X12Document {
  interchanges: X12Interchange[];
}

const CHUNK = 1 << 20;

/**
 * Reads a whole file into envelopes and segments. Returns no value, with one error saying where,
 * when the file cannot be read (encoding, header, limits); otherwise the document and every issue.
 */
export function readX12(input: Uint8Array | string, limits: Partial<X12ReadLimits> = {}): X12Result<X12Document> {
  const doc: X12Document = { interchanges: [] };
  let interchange: X12Interchange | undefined;
  let group: X12Group | undefined;
  let tx: X12TransactionSet | undefined;
  const reader = createX12Reader(
    {
      interchangeStart(h) {
        interchange = { ...h, groups: [] };
        doc.interchanges.push(interchange);
      },
      groupStart(g) {
        group = { ...g, transactions: [] };
        interchange?.groups.push(group);
      },
      transactionStart(t) {
        tx = { ...t, segments: [] };
        group?.transactions.push(tx);
      },
      segment(seg) {
        tx?.segments.push(seg);
      },
      transactionEnd(_t, trailer) {
        if (tx) tx.trailer = trailer;
        tx = undefined;
      },
      groupEnd(_g, trailer) {
        if (group) group.trailer = trailer;
        group = undefined;
      },
      interchangeEnd(_i, trailer) {
        if (interchange) interchange.trailer = trailer;
        interchange = undefined;
      },
    },
    limits,
  );
  // Feeding a large buffer in slices keeps the decoded text to one slice at a time.
  for (let i = 0; i < input.length; i += CHUNK) {
    reader.push(typeof input === 'string' ? input.slice(i, i + CHUNK) : input.subarray(i, i + CHUNK));
  }
  const { issues, fatal } = reader.end();
  return fatal ? { issues } : { value: doc, issues };
}

/** A transaction set with the envelopes around it. */
export interface EnvelopedTransaction {
  interchange: X12Interchange;
  group: X12Group;
  transaction: X12TransactionSet;
}

/** Every transaction set of a document, optionally only those with ST01 = `id`, in file order. */
export function transactionsOf(doc: X12Document, id?: string): EnvelopedTransaction[] {
  const out: EnvelopedTransaction[] = [];
  for (const interchange of doc.interchanges) {
    for (const group of interchange.groups) {
      for (const transaction of group.transactions) if (!id || transaction.id === id) out.push({ interchange, group, transaction });
    }
  }
  return out;
}

/** A document holding just one transaction set and its envelopes. */
export function singleTransaction({ interchange, group, transaction }: EnvelopedTransaction): X12Document {
  return { interchanges: [{ ...interchange, groups: [{ ...group, transactions: [transaction] }] }] };
}
