/** An XML element: name, attributes, child elements and its own text. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ATTR = /([A-Za-z_:][\w:.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(Number(ref.slice(1)));
    return ENTITIES[ref] ?? whole;
  });
}

/**
 * Reads the small XML subset the implementation-guide maps use (elements, attributes, text,
 * comments, declarations). No XML package is a dependency of this library, and the maps need no more.
 */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let pos = 0;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt < 0 ? xml.length : lt;
    if (textEnd > pos) stack[stack.length - 1].text += decodeEntities(xml.slice(pos, textEnd));
    if (lt < 0) break;
    if (xml.startsWith('<!--', lt)) {
      pos = skipTo(xml, '-->', lt);
    } else if (xml.startsWith('<?', lt) || xml.startsWith('<!', lt)) {
      pos = skipTo(xml, '>', lt);
    } else if (xml[lt + 1] === '/') {
      const gt = xml.indexOf('>', lt);
      const name = xml.slice(lt + 2, gt).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`XML: </${name}> at ${lt} does not close <${open?.name}>`);
      pos = gt + 1;
    } else {
      const gt = xml.indexOf('>', lt);
      if (gt < 0) throw new Error(`XML: unterminated tag at ${lt}`);
      const selfClosing = xml[gt - 1] === '/';
      const body = xml.slice(lt + 1, selfClosing ? gt - 1 : gt);
      const name = /^[^\s/>]+/.exec(body)?.[0] ?? '';
      const node: XmlNode = { name, attrs: {}, children: [], text: '' };
      for (const m of body.slice(name.length).matchAll(ATTR)) node.attrs[m[1]] = decodeEntities(m[2] ?? m[3]);
      stack[stack.length - 1].children.push(node);
      if (!selfClosing) stack.push(node);
      pos = gt + 1;
    }
  }
  if (stack.length !== 1) throw new Error(`XML: <${stack[stack.length - 1].name}> is never closed`);
  return root;
}

function skipTo(xml: string, marker: string, from: number): number {
  const end = xml.indexOf(marker, from);
  if (end < 0) throw new Error(`XML: unterminated markup at ${from}`);
  return end + marker.length;
}

/** First child element with a name. */
export const child = (node: XmlNode, name: string): XmlNode | undefined => node.children.find((c) => c.name === name);

/** Trimmed text of the first child with a name. */
export const childText = (node: XmlNode, name: string): string | undefined => child(node, name)?.text.trim();
