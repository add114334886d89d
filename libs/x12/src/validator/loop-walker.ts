import { issueAt, type X12Issue } from '../issues';
import type { Segment } from '../reader/segment';
import type { X12Dictionary } from './dictionary';
import { checkElements } from './element-checks';
import type { LoopDef, SegmentDef } from './ig-map';

interface LoopInstance {
  def: LoopDef;
  segments: Map<SegmentDef, number>;
  loops: Map<LoopDef, number>;
  lastPos: number;
}

interface Match {
  depth: number;
  loop?: LoopDef;
  segment?: SegmentDef;
}

const firstSegment = (loop: LoopDef): SegmentDef | undefined => {
  const first = loop.children[0];
  return first?.kind === 'segment' ? first : undefined;
};

function matches(def: SegmentDef, seg: Segment, exact: boolean): boolean {
  if (def.id !== seg.id) return false;
  if (!exact || !def.qualifier) return true;
  return def.qualifier.codes!.has(seg.elements[def.qualifier.seq] ?? '');
}

/**
 * Walks one transaction set through the map's loop tree (x12.md §10): a segment opens a child loop
 * when it matches that loop's first segment and qualifier code, else belongs to the current loop, else
 * closes loops outward. Counts uses and repeats, and reports required segments and loops never seen.
 */
export class LoopWalker {
  private readonly stack: LoopInstance[];
  private last?: Segment;

  constructor(
    root: LoopDef,
    private readonly dict: X12Dictionary,
    private readonly issues: X12Issue[],
  ) {
    this.stack = [this.instance(root)];
  }

  /** Places one segment in the loop tree and checks it. */
  accept(seg: Segment): void {
    this.last = seg;
    const match = this.find(seg, true) ?? this.find(seg, false);
    const top = this.stack[this.stack.length - 1];
    if (!match) {
      this.issues.push(issueAt(seg, 'error', 'SEGMENT_NOT_EXPECTED', `${seg.id} is not expected in loop ${top.def.id}`, { loop: top.def.id }));
      return;
    }
    while (this.stack.length - 1 > match.depth) this.close(this.stack.pop() as LoopInstance, seg);
    const parent = this.stack[this.stack.length - 1];
    if (match.loop) {
      const n = (parent.loops.get(match.loop) ?? 0) + 1;
      parent.loops.set(match.loop, n);
      if (n > match.loop.repeat) {
        this.issues.push(issueAt(seg, 'error', 'LOOP_REPEAT_EXCEEDED', `loop ${match.loop.id} repeats more than ${match.loop.repeat} times`, { loop: match.loop.id }));
      }
      const inst = this.instance(match.loop);
      this.stack.push(inst);
      this.use(inst, firstSegment(match.loop) as SegmentDef, seg);
    } else {
      this.use(parent, match.segment as SegmentDef, seg);
    }
  }

  /** Closes every open loop at the end of the transaction set. */
  finish(): void {
    while (this.stack.length) this.close(this.stack.pop() as LoopInstance, this.last);
  }

  private instance(def: LoopDef): LoopInstance {
    return { def, segments: new Map(), loops: new Map(), lastPos: 0 };
  }

  private use(inst: LoopInstance, def: SegmentDef, seg: Segment): void {
    const loop = inst.def.id;
    const n = (inst.segments.get(def) ?? 0) + 1;
    inst.segments.set(def, n);
    if (n > def.maxUse) {
      this.issues.push(issueAt(seg, 'error', 'SEGMENT_REPEAT_EXCEEDED', `${seg.id} in loop ${loop} appears too many times (at most ${def.maxUse})`, { loop }));
    }
    // The root mixes the header, detail and footer tables, whose positions restart, so order is checked inside loops only.
    if (inst !== this.stack[0] && def.pos < inst.lastPos) {
      this.issues.push(issueAt(seg, 'error', 'SEGMENT_OUT_OF_ORDER', `${seg.id} is out of order in loop ${loop}`, { loop }));
    }
    inst.lastPos = Math.max(inst.lastPos, def.pos);
    checkElements(seg, def, loop, this.dict, this.issues);
  }

  private find(seg: Segment, exact: boolean): Match | undefined {
    for (let depth = this.stack.length - 1; depth >= 0; depth--) {
      const def = this.stack[depth].def;
      for (const c of def.children) {
        if (c.kind !== 'loop') continue;
        const first = firstSegment(c);
        if (first && matches(first, seg, exact)) return { depth, loop: c };
      }
      const own = firstSegment(def);
      for (const c of def.children) {
        // A loop's first segment starts a new repeat, which the parent level handles.
        if (c.kind === 'segment' && (depth === 0 || c !== own) && matches(c, seg, exact)) return { depth, segment: c };
      }
    }
    return undefined;
  }

  private close(inst: LoopInstance, at: Segment | undefined): void {
    if (!at) return;
    for (const c of inst.def.children) {
      if (c.usage !== 'R') continue;
      if (c.kind === 'segment' && !inst.segments.get(c)) {
        this.issues.push(issueAt(at, 'error', 'REQUIRED_SEGMENT_MISSING', `${c.id} in loop ${inst.def.id} is required but not found`, { loop: inst.def.id, segmentId: c.id }));
      } else if (c.kind === 'loop' && !inst.loops.get(c)) {
        this.issues.push(issueAt(at, 'error', 'REQUIRED_LOOP_MISSING', `loop ${c.id} in loop ${inst.def.id} is required but not found`, { loop: inst.def.id }));
      }
    }
  }
}
