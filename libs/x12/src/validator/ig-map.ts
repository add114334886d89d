import { child, childText, parseXml, type XmlNode } from './xml-reader';

/** R required, S situational, N not used. */
export type Usage = 'R' | 'S' | 'N';

/** A simple element of a segment or a component of a composite. */
export interface ElementDef {
  kind: 'element';
  ref: string;
  dataEle: string;
  usage: Usage;
  seq: number;
  repeat: number;
  codes?: Set<string>;
  external?: string;
  regex?: RegExp;
}

/** A composite element and its components. */
export interface CompositeDef {
  kind: 'composite';
  ref: string;
  usage: Usage;
  seq: number;
  repeat: number;
  components: ElementDef[];
}

/** A segment as the guide allows it in one loop. */
export interface SegmentDef {
  kind: 'segment';
  id: string;
  usage: Usage;
  pos: number;
  maxUse: number;
  syntax: string[];
  elements: (ElementDef | CompositeDef)[];
  /** The element whose code identifies this segment among same-id siblings (NM101, HL03, REF01 …). */
  qualifier?: ElementDef;
}

/** A loop; wrapper loops (HEADER, DETAIL, FOOTER) are flattened into their parent when loaded. */
export interface LoopDef {
  kind: 'loop';
  id: string;
  usage: Usage;
  repeat: number;
  children: (SegmentDef | LoopDef)[];
}

/** One implementation-guide map: the loop tree from ISA_LOOP down. */
export interface IgMap {
  id: string;
  name: string;
  interchange: LoopDef;
  group: LoopDef;
  transaction: LoopDef;
}

const count = (text: string | undefined): number => (!text ? 1 : text.startsWith('>') ? Number.POSITIVE_INFINITY : Number(text));
const usage = (text: string | undefined): Usage => (text === 'R' || text === 'N' ? text : 'S');

function elementDef(node: XmlNode): ElementDef {
  const def: ElementDef = {
    kind: 'element',
    ref: node.attrs.xid,
    dataEle: childText(node, 'data_ele') ?? '',
    usage: usage(childText(node, 'usage')),
    seq: Number(childText(node, 'seq')),
    repeat: count(childText(node, 'repeat')),
  };
  const codes = child(node, 'valid_codes');
  if (codes?.attrs.external) def.external = codes.attrs.external;
  else if (codes && codes.children.length) def.codes = new Set(codes.children.map((c) => c.text.trim()));
  const regex = childText(node, 'regex');
  if (regex) def.regex = new RegExp(`^(?:${regex})$`);
  return def;
}

function segmentDef(node: XmlNode): SegmentDef {
  const elements = node.children
    .filter((c) => c.name === 'element' || c.name === 'composite')
    .map((c): ElementDef | CompositeDef =>
      c.name === 'element'
        ? elementDef(c)
        : {
            kind: 'composite',
            ref: c.attrs.xid,
            usage: usage(childText(c, 'usage')),
            seq: Number(childText(c, 'seq')),
            repeat: count(childText(c, 'repeat')),
            components: c.children.filter((e) => e.name === 'element').map(elementDef),
          },
    );
  const qualifier = elements.find((e): e is ElementDef => e.kind === 'element' && !!e.codes && e.usage === 'R');
  return {
    kind: 'segment',
    id: node.attrs.xid,
    usage: usage(childText(node, 'usage')),
    pos: Number(childText(node, 'pos')),
    maxUse: count(childText(node, 'max_use')),
    syntax: node.children.filter((c) => c.name === 'syntax').map((c) => c.text.trim()),
    elements,
    ...(qualifier ? { qualifier } : {}),
  };
}

function loopDef(node: XmlNode): LoopDef {
  const children: (SegmentDef | LoopDef)[] = [];
  for (const c of node.children) {
    if (c.name === 'segment') children.push(segmentDef(c));
    else if (c.name === 'loop' && c.attrs.type === 'wrapper') children.push(...loopDef(c).children);
    else if (c.name === 'loop') children.push(loopDef(c));
  }
  return { kind: 'loop', id: node.attrs.xid, usage: usage(childText(node, 'usage')), repeat: count(childText(node, 'repeat')), children };
}

const findLoop = (loop: LoopDef, id: string): LoopDef | undefined =>
  loop.children.find((c): c is LoopDef => c.kind === 'loop' && c.id === id);

/** Loads a pyx12-format implementation-guide map (the XML text of, e.g., 837.5010.X222.A1.xml). */
export function loadIgMap(xml: string): IgMap {
  const doc = parseXml(xml);
  const tx = child(doc, 'transaction');
  const isaNode = tx && child(tx, 'loop');
  if (!tx || !isaNode) throw new Error('map: no <transaction> with an ISA_LOOP');
  const interchange = loopDef(isaNode);
  const group = findLoop(interchange, 'GS_LOOP');
  const transaction = group && findLoop(group, 'ST_LOOP');
  if (!group || !transaction) throw new Error('map: ISA_LOOP lacks GS_LOOP/ST_LOOP');
  return { id: tx.attrs.xid, name: childText(tx, 'name') ?? '', interchange, group, transaction };
}
