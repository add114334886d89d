/** The four delimiters of an interchange, read from its ISA header. */
export interface Delimiters {
  element: string;
  component: string;
  /** Undefined when ISA11 is alphanumeric (a 00401-style standards identifier such as `U`). */
  repetition?: string;
  segment: string;
}

/** One segment as read: raw element strings (`elements[0]` is the id) and where it sits. */
export interface Segment {
  id: string;
  elements: string[];
  /** Byte offset of the segment start (character offset for string input). */
  offset: number;
  /** 1-based index in the file. */
  index: number;
  /** 1-based position in its transaction set (ST = 1); undefined outside ST/SE. */
  position?: number;
  delimiters: Delimiters;
}

/** Element `n` (1-based) of a segment, or `''` when absent. */
export function element(seg: Segment, n: number): string {
  return seg.elements[n] ?? '';
}

/** Component `c` (1-based) of element `n`, split on the interchange's component separator. */
export function component(seg: Segment, n: number, c: number): string {
  const value = seg.elements[n];
  if (!value) return '';
  return value.split(seg.delimiters.component)[c - 1] ?? '';
}

/** All components of element `n`. */
export function components(seg: Segment, n: number): string[] {
  const value = seg.elements[n];
  return value ? value.split(seg.delimiters.component) : [];
}

/** Repetitions of element `n` (one entry when the interchange has no repetition separator). */
export function repetitions(seg: Segment, n: number): string[] {
  const value = seg.elements[n];
  if (!value) return [];
  const rep = seg.delimiters.repetition;
  return rep ? value.split(rep) : [value];
}

/** Number of elements after the id, ignoring trailing empty ones. */
export function elementCount(seg: Segment): number {
  let n = seg.elements.length - 1;
  while (n > 0 && seg.elements[n] === '') n--;
  return n;
}
