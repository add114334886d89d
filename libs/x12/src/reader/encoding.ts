import type { X12Issue } from '../issues';

/** What the first bytes say about the encoding: how many BOM bytes to skip, or why the input is refused. */
export type EncodingVerdict = { bomLength: number } | { issue: X12Issue };

const SNIFF = 64;

// x12.md §1.1: a UTF-8 BOM is stripped; UTF-16 (BOM or NUL bytes early on) is refused, never guessed at.
/** Inspects the start of a byte buffer. */
export function sniffBytes(head: Uint8Array): EncodingVerdict {
  if (head.length >= 2 && ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff))) {
    return { issue: utf16Issue('a UTF-16 byte-order mark') };
  }
  const bom = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  const end = Math.min(head.length, bom + SNIFF);
  for (let i = bom; i < end; i++) {
    if (head[i] === 0) return { issue: utf16Issue(`a NUL byte at byte ${i}`) };
  }
  return { bomLength: bom };
}

/** Inspects the start of an already-decoded string. */
export function sniffText(head: string): EncodingVerdict {
  const bom = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (head.charCodeAt(0) === 0xfffe) return { issue: utf16Issue('a byte-swapped byte-order mark') };
  const nul = head.slice(bom, bom + SNIFF).indexOf('\u0000');
  if (nul >= 0) return { issue: utf16Issue(`a NUL character at offset ${nul + bom}`) };
  return { bomLength: bom };
}

function utf16Issue(evidence: string): X12Issue {
  return {
    severity: 'error',
    code: 'ENCODING_UTF16',
    message: `input looks like UTF-16 (${evidence}); X12 files must be ASCII or UTF-8`,
    offset: 0,
  };
}
