import { issueAt, type X12Issue } from '../issues';
import { element, type Delimiters, type Segment } from './segment';

/** ISA fields a consumer needs (padding trimmed). */
export interface InterchangeHeader {
  senderQualifier: string;
  senderId: string;
  receiverQualifier: string;
  receiverId: string;
  date: string;
  time: string;
  version: string;
  controlNumber: string;
  usage: string;
  delimiters: Delimiters;
  header: Segment;
}

/** GS fields. */
export interface GroupHeader {
  functionalId: string;
  senderCode: string;
  receiverCode: string;
  date: string;
  time: string;
  controlNumber: string;
  version: string;
  header: Segment;
}

/** ST fields. */
export interface TransactionHeader {
  id: string;
  controlNumber: string;
  implementationRef?: string;
  header: Segment;
}

/** The envelopes a segment sits in. */
export interface EnvelopeContext {
  interchange?: InterchangeHeader;
  group?: GroupHeader;
  transaction?: TransactionHeader;
}

/** Callbacks of the streaming reader; `segment` sees every segment from ST to SE inclusive. */
export interface X12Visitor {
  interchangeStart?(interchange: InterchangeHeader): void;
  groupStart?(group: GroupHeader, ctx: EnvelopeContext): void;
  transactionStart?(transaction: TransactionHeader, ctx: EnvelopeContext): void;
  segment?(seg: Segment, ctx: EnvelopeContext): void;
  transactionEnd?(transaction: TransactionHeader, trailer: Segment | undefined, ctx: EnvelopeContext): void;
  groupEnd?(group: GroupHeader, trailer: Segment | undefined, ctx: EnvelopeContext): void;
  interchangeEnd?(interchange: InterchangeHeader, trailer: Segment | undefined): void;
}

/**
 * Checks envelopes as segments stream by (x12.md §3): ISA13 = IEA02 and IEA01 = number of GS;
 * GS06 = GE02 and GE01 = number of ST; ST02 = SE02 and SE01 = segments from ST to SE inclusive.
 */
export class EnvelopeTracker {
  private ctx: EnvelopeContext = {};
  private groups = 0;
  private sets = 0;
  private setsInInterchange = 0;
  private position = 0;
  private last?: Segment;

  constructor(
    private readonly visitor: X12Visitor,
    private readonly report: (issue: X12Issue) => void,
    private readonly abort: (issue: X12Issue) => void,
    private readonly maxSetsPerInterchange: number,
  ) {}

  /** Handles one segment. */
  accept(seg: Segment): void {
    this.last = seg;
    switch (seg.id) {
      case 'ISA':
        return this.openInterchange(seg);
      case 'GS':
        return this.openGroup(seg);
      case 'ST':
        return this.openTransaction(seg);
      case 'SE':
        return this.closeTransaction(seg);
      case 'GE':
        return this.closeGroup(seg);
      case 'IEA':
        return this.closeInterchange(seg);
      default:
        if (!this.ctx.transaction) {
          this.error(seg, 'SEGMENT_OUTSIDE_TRANSACTION', `${seg.id} appears outside any ST/SE transaction set`);
          return;
        }
        seg.position = ++this.position;
        this.visitor.segment?.(seg, this.ctx);
    }
  }

  /** Closes whatever is still open at end of input. */
  finish(): void {
    if (this.ctx.interchange) this.closeInterchange(undefined);
  }

  private error(seg: Segment, code: string, message: string, element?: string): void {
    this.report(issueAt(seg, 'error', code, message, element ? { element } : {}));
  }

  /** Trailer element 1 is a count, element 2 repeats the header's control number. */
  private checkTrailer(seg: Segment, count: number, counted: string, control: string, controlRef: string): void {
    if (element(seg, 1) !== String(count)) {
      this.error(seg, `${seg.id}_COUNT_MISMATCH`, `${seg.id}01 is ${JSON.stringify(element(seg, 1))} but there are ${count} ${counted}`, `${seg.id}01`);
    }
    if (element(seg, 2) !== control) {
      this.error(seg, `${seg.id}_CONTROL_MISMATCH`, `${seg.id}02 ${JSON.stringify(element(seg, 2))} does not match ${controlRef} ${control}`, `${seg.id}02`);
    }
  }

  private missing(what: string, owner: string): void {
    const at = this.last;
    const issue: X12Issue = { severity: 'error', code: `MISSING_${what}`, message: `${owner} has no ${what} trailer` };
    this.report(at ? { ...issue, offset: at.offset, segment: at.index, segmentId: at.id } : issue);
  }

  private openInterchange(seg: Segment): void {
    if (this.ctx.interchange) this.closeInterchange(undefined);
    const f = (n: number): string => element(seg, n).trim();
    const interchange: InterchangeHeader = {
      senderQualifier: f(5),
      senderId: f(6),
      receiverQualifier: f(7),
      receiverId: f(8),
      date: f(9),
      time: f(10),
      version: f(12),
      controlNumber: f(13),
      usage: f(15),
      delimiters: seg.delimiters,
      header: seg,
    };
    if (interchange.version !== '00501') {
      this.report(issueAt(seg, 'warning', 'ISA_VERSION', `ISA12 is ${interchange.version}; HIPAA 5010 requires 00501`, { element: 'ISA12' }));
    }
    this.ctx = { interchange };
    this.groups = 0;
    this.setsInInterchange = 0;
    this.visitor.interchangeStart?.(interchange);
  }

  private openGroup(seg: Segment): void {
    if (!this.ctx.interchange) this.error(seg, 'GS_OUTSIDE_INTERCHANGE', 'GS appears outside an ISA/IEA interchange');
    if (this.ctx.group) this.closeGroup(undefined);
    const group: GroupHeader = {
      functionalId: element(seg, 1),
      senderCode: element(seg, 2),
      receiverCode: element(seg, 3),
      date: element(seg, 4),
      time: element(seg, 5),
      controlNumber: element(seg, 6),
      version: element(seg, 8),
      header: seg,
    };
    this.groups++;
    this.sets = 0;
    this.ctx = { interchange: this.ctx.interchange, group };
    this.visitor.groupStart?.(group, this.ctx);
  }

  private openTransaction(seg: Segment): void {
    if (!this.ctx.group) this.error(seg, 'ST_OUTSIDE_GROUP', 'ST appears outside a GS/GE functional group');
    if (this.ctx.transaction) this.closeTransaction(undefined);
    if (++this.setsInInterchange > this.maxSetsPerInterchange) {
      this.abort(issueAt(seg, 'error', 'LIMIT_TRANSACTION_SETS', `more than ${this.maxSetsPerInterchange} transaction sets in one interchange`));
      return;
    }
    const implementationRef = element(seg, 3) || undefined;
    const gsVersion = this.ctx.group?.version;
    if (implementationRef && gsVersion && implementationRef !== gsVersion) {
      this.error(seg, 'VERSION_MISMATCH', `ST03 ${implementationRef} differs from GS08 ${gsVersion}`, 'ST03');
    }
    this.sets++;
    this.position = 1;
    seg.position = 1;
    const transaction: TransactionHeader = { id: element(seg, 1), controlNumber: element(seg, 2), implementationRef, header: seg };
    this.ctx = { ...this.ctx, transaction };
    this.visitor.transactionStart?.(transaction, this.ctx);
    this.visitor.segment?.(seg, this.ctx);
  }

  private closeTransaction(seg: Segment | undefined): void {
    const tx = this.ctx.transaction;
    if (!tx) {
      if (seg) this.error(seg, 'SE_OUTSIDE_TRANSACTION', 'SE appears without a matching ST');
      return;
    }
    if (seg) {
      seg.position = ++this.position;
      this.checkTrailer(seg, this.position, 'segments', tx.controlNumber, 'ST02');
      this.visitor.segment?.(seg, this.ctx);
    } else {
      this.missing('SE', `transaction set ${tx.id} ${tx.controlNumber}`);
    }
    this.visitor.transactionEnd?.(tx, seg, this.ctx);
    this.ctx = { interchange: this.ctx.interchange, group: this.ctx.group };
  }

  private closeGroup(seg: Segment | undefined): void {
    if (this.ctx.transaction) this.closeTransaction(undefined);
    const group = this.ctx.group;
    if (!group) {
      if (seg) this.error(seg, 'GE_OUTSIDE_GROUP', 'GE appears without a matching GS');
      return;
    }
    if (seg) {
      this.checkTrailer(seg, this.sets, 'transaction sets', group.controlNumber, 'GS06');
    } else {
      this.missing('GE', `functional group ${group.controlNumber}`);
    }
    this.visitor.groupEnd?.(group, seg, this.ctx);
    this.ctx = { interchange: this.ctx.interchange };
  }

  private closeInterchange(seg: Segment | undefined): void {
    if (this.ctx.group) this.closeGroup(undefined);
    const interchange = this.ctx.interchange;
    if (!interchange) {
      if (seg) this.error(seg, 'IEA_OUTSIDE_INTERCHANGE', 'IEA appears without a matching ISA');
      return;
    }
    if (seg) {
      this.checkTrailer(seg, this.groups, 'groups', interchange.controlNumber, 'ISA13');
    } else {
      this.missing('IEA', `interchange ${interchange.controlNumber}`);
    }
    this.visitor.interchangeEnd?.(interchange, seg);
    this.ctx = {};
  }
}
