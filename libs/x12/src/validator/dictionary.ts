import { child, childText, parseXml } from './xml-reader';

/** X12 data types used by the maps. */
export type DataType = 'AN' | 'ID' | 'N0' | 'N1' | 'N2' | 'R' | 'DT' | 'TM';

/** One data element of the dictionary (dataele.xml). */
export interface DataElement {
  type: DataType;
  min: number;
  max: number;
}

/** The data element dictionary and the shared code lists. */
export interface X12Dictionary {
  elements: Map<string, DataElement>;
  codeSets: Map<string, Set<string>>;
}

/** Loads dataele.xml and codes.xml. */
export function loadDictionary(dataeleXml: string, codesXml: string): X12Dictionary {
  const elements = new Map<string, DataElement>();
  for (const node of parseXml(dataeleXml).children.flatMap((c) => c.children)) {
    if (node.name !== 'data_ele') continue;
    elements.set(node.attrs.ele_num, {
      type: node.attrs.data_type as DataType,
      min: Number(node.attrs.min_len),
      max: Number(node.attrs.max_len),
    });
  }
  const codeSets = new Map<string, Set<string>>();
  const root = child(parseXml(codesXml), 'codesets');
  for (const set of root?.children ?? []) {
    const id = childText(set, 'id');
    const version = child(set, 'version');
    if (id && version) codeSets.set(id, new Set(version.children.map((c) => c.text.trim())));
  }
  return { elements, codeSets };
}
