import { issueAt, type X12Issue } from '../issues';
import { parse835 } from '../835/parse-835';
import { singleTransaction, transactionsOf, type X12Document, type X12Group, type X12Interchange, type X12TransactionSet } from '../reader/read-x12';
import type { Segment } from '../reader/segment';
import { loadDictionary, type X12Dictionary } from './dictionary';
import { checkElements } from './element-checks';
import { loadIgMap, type IgMap, type LoopDef, type SegmentDef } from './ig-map';
import { LoopWalker } from './loop-walker';
import { checkHierarchy, checkProfessionalClaims } from './transaction-checks';

/** Loaded maps keyed by transaction set id (ST01), with the shared dictionary. */
export interface X12Maps {
  byTransaction: Map<string, IgMap>;
  dictionary: X12Dictionary;
}

/** XML texts of the guide maps plus dataele.xml and codes.xml. */
export interface X12MapSources {
  maps: string[];
  dataele: string;
  codes: string;
}

/** Loads implementation-guide maps (pyx12 XML format) for the validator. */
export function loadX12Maps(sources: X12MapSources): X12Maps {
  const byTransaction = new Map<string, IgMap>();
  for (const xml of sources.maps) {
    const map = loadIgMap(xml);
    const st = map.transaction.children.find((c): c is SegmentDef => c.kind === 'segment' && c.id === 'ST');
    const st01 = st?.elements.find((e) => e.seq === 1);
    const ids = st01?.kind === 'element' && st01.codes ? [...st01.codes] : [];
    ids.forEach((id) => byTransaction.set(id, map));
  }
  return { byTransaction, dictionary: loadDictionary(sources.dataele, sources.codes) };
}

const segmentDef = (loop: LoopDef, id: string): SegmentDef | undefined =>
  loop.children.find((c): c is SegmentDef => c.kind === 'segment' && c.id === id);

/**
 * Checks a read document against the maps (x12.md §10): envelope elements, loops, required segments,
 * repeats, element usage, types, lengths, codes and syntax rules, then HL numbering and the
 * transaction's own arithmetic (837P totals and diagnosis codes, 835 balancing).
 */
export function validateX12(doc: X12Document, maps: X12Maps): X12Issue[] {
  const issues: X12Issue[] = [];
  for (const { transaction, group, interchange } of transactionsOf(doc)) issues.push(...validateTransaction(transaction, group, interchange, maps));
  return issues;
}

/** Validates one transaction set with its envelopes. */
export function validateTransaction(tx: X12TransactionSet, group: X12Group, ic: X12Interchange, maps: X12Maps): X12Issue[] {
  const issues: X12Issue[] = [];
  const map = maps.byTransaction.get(tx.id);
  if (!map) {
    issues.push(issueAt(tx.header, 'warning', 'NO_MAP', `no implementation-guide map for transaction set ${tx.id}`));
    return issues;
  }
  const envelope = (seg: Segment | undefined, loop: LoopDef): void => {
    const def = seg && segmentDef(loop, seg.id);
    if (seg && def) checkElements(seg, def, loop.id, maps.dictionary, issues);
  };
  envelope(ic.header, map.interchange);
  envelope(group.header, map.group);
  const walker = new LoopWalker(map.transaction, maps.dictionary, issues);
  tx.segments.forEach((s) => walker.accept(s));
  walker.finish();
  envelope(group.trailer, map.group);
  envelope(ic.trailer, map.interchange);
  checkHierarchy(tx.segments, issues);
  if (tx.id === '837') checkProfessionalClaims(tx.segments, issues);
  if (tx.id === '835') {
    const parsed = parse835(singleTransaction({ interchange: ic, group, transaction: tx }));
    issues.push(...parsed.issues.filter((i) => i.code === 'IMBALANCE'));
  }
  return issues;
}
