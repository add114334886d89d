import type { X12Issue } from '../issues';
import { ISA_LENGTH, readIsaHeader } from './isa-header';
import type { Delimiters, Segment } from './segment';

/** Receives what the tokenizer finds; `fatal` means reading stopped. */
export interface TokenizerSink {
  segment(seg: Segment): void;
  issue(issue: X12Issue): void;
  fatal(issue: X12Issue): void;
}

const SEGMENT_ID = /^[A-Z][A-Z0-9]{1,2}$/;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Splits text chunks into segments with bounded memory: only the unfinished tail of the last chunk is
 * kept. Delimiters come from each ISA header (several interchanges may differ). When `latin1` is set the
 * chunks were decoded one byte per character, so offsets are byte offsets and non-ASCII segments are
 * re-decoded as UTF-8.
 */
export class SegmentTokenizer {
  private buf = '';
  private base = 0;
  private index = 0;
  private delimiters?: Delimiters;
  private failed = false;
  private sawNonAscii = false;

  constructor(
    private readonly sink: TokenizerSink,
    private readonly latin1: boolean,
    private readonly maxSegmentLength = 1 << 16,
  ) {}

  /** True once a fatal issue stopped reading. */
  get stopped(): boolean {
    return this.failed;
  }

  /** Advances offsets past bytes that are not X12 (a byte-order mark). */
  skip(count: number): void {
    this.base += count;
  }

  /** Feeds the next chunk of text. */
  push(chunk: string): void {
    if (this.failed) return;
    if (this.latin1 && !this.sawNonAscii && NON_ASCII.test(chunk)) this.sawNonAscii = true;
    this.buf = this.buf.length ? this.buf + chunk : chunk;
    this.drain(false);
  }

  /** Signals the end of input and flushes the last segment. */
  end(): void {
    if (!this.failed) this.drain(true);
    if (!this.failed && this.index === 0) {
      this.stop({ severity: 'error', code: 'EMPTY', message: 'the input holds no X12 data', offset: this.base });
    }
  }

  private stop(issue: X12Issue): void {
    this.failed = true;
    this.buf = '';
    this.sink.fatal(issue);
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    const len = buf.length;
    let pos = 0;
    while (pos < len) {
      pos = skipWhitespace(buf, pos);
      if (pos >= len) break;
      const startsIsa = buf.startsWith('ISA', pos);
      if (!this.delimiters || startsIsa) {
        if (!startsIsa) {
          if (len - pos < 3 && !final) break;
          // x12.md §1.2: the ISA must open the file; never search for it further in.
          this.stop({
            severity: 'error',
            code: 'NO_ISA',
            message: `expected an ISA header at byte ${this.base + pos}, found ${JSON.stringify(buf.slice(pos, pos + 10))}`,
            offset: this.base + pos,
          });
          return;
        }
        if (len - pos < ISA_LENGTH && !final) break;
        const header = readIsaHeader(buf, pos, this.base + pos, this.index + 1);
        if ('code' in header) {
          this.stop(header);
          return;
        }
        this.delimiters = header.delimiters;
        header.warnings.forEach((w) => this.sink.issue(w));
      }
      const term = this.delimiters.segment;
      // The ISA is fixed-width, so its terminator position is known even if a field holds that character.
      let end = startsIsa ? pos + ISA_LENGTH - 1 : buf.indexOf(term, pos);
      if (end < 0) {
        if (len - pos > this.maxSegmentLength) {
          this.stop({
            severity: 'error',
            code: 'SEGMENT_TOO_LONG',
            message: `no segment terminator ${JSON.stringify(term)} within ${this.maxSegmentLength} characters`,
            offset: this.base + pos,
            segment: this.index + 1,
          });
          return;
        }
        if (!final) break;
        end = len;
      }
      this.emit(buf, pos, end, end === len);
      pos = end + 1;
    }
    this.buf = pos >= len ? '' : buf.slice(pos);
    this.base += Math.min(pos, len);
  }

  private emit(buf: string, start: number, end: number, unterminated: boolean): void {
    let stop = end;
    // A newline used as line break beside another terminator is layout, not data (x12.md §1.5).
    for (let c = buf.charCodeAt(stop - 1); stop > start && (c === 10 || c === 13); c = buf.charCodeAt(stop - 1)) stop--;
    const d = this.delimiters as Delimiters;
    let elements: string[];
    if (this.sawNonAscii && NON_ASCII.test(buf.slice(start, stop))) {
      elements = Buffer.from(buf.slice(start, stop), 'latin1').toString('utf8').split(d.element);
    } else {
      // Slicing elements straight out of the buffer is about twice as fast as slice-then-split.
      elements = [];
      let from = start;
      for (;;) {
        const at = buf.indexOf(d.element, from);
        if (at < 0 || at >= stop) break;
        elements.push(buf.slice(from, at));
        from = at + 1;
      }
      elements.push(buf.slice(from, stop));
    }
    const id = elements[0];
    // Literal with every field set, so all segments share one hidden class.
    const seg: Segment = { id, elements, offset: this.base + start, index: ++this.index, position: undefined, delimiters: d };
    if (unterminated) {
      this.sink.issue({
        severity: 'warning',
        code: 'MISSING_TERMINATOR',
        message: `the last segment has no terminator ${JSON.stringify(d.segment)}`,
        offset: seg.offset,
        segment: seg.index,
        segmentId: id,
      });
    }
    if (!SEGMENT_ID.test(id)) {
      this.sink.issue({
        severity: 'error',
        code: 'INVALID_SEGMENT_ID',
        message: `${JSON.stringify(id.slice(0, 20))} is not a segment id`,
        offset: seg.offset,
        segment: seg.index,
        segmentId: id.slice(0, 3),
      });
      return;
    }
    this.sink.segment(seg);
  }
}

function skipWhitespace(text: string, pos: number): number {
  let p = pos;
  for (;;) {
    const c = text.charCodeAt(p);
    if (c === 32 || c === 10 || c === 13 || c === 9) p++;
    else return p;
  }
}
