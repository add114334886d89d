import type { X12Issue } from '../issues';
import type { Delimiters } from './segment';

/** Length of the fixed-width ISA segment including its terminator (X12.5 ISA, 00501). */
export const ISA_LENGTH = 106;

// Widths of ISA01..ISA16 (X12.5 interchange control structures, 00501).
const WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1];

/** A decoded ISA header: its delimiters, its 16 fields, and tolerated oddities. */
export interface IsaHeader {
  delimiters: Delimiters;
  fields: string[];
  warnings: X12Issue[];
}

const isAlnum = (ch: string): boolean => /^[A-Za-z0-9]$/.test(ch);

/**
 * Reads the delimiters from the 106-character ISA at `start` (x12.md §1.3): element separator at
 * offset 3, ISA11 repetition separator at 82, ISA16 component separator at 104, terminator at 105.
 * Every separator must sit where the fixed widths put it; a short field is refused with its name.
 */
export function readIsaHeader(text: string, start: number, offset: number, index: number): IsaHeader | X12Issue {
  const fail = (code: string, message: string, element?: string): X12Issue => ({
    severity: 'error',
    code,
    message,
    offset,
    segment: index,
    segmentId: 'ISA',
    ...(element ? { element } : {}),
  });
  if (text.length - start < ISA_LENGTH) {
    return fail('ISA_TRUNCATED', `the ISA header needs ${ISA_LENGTH} characters, only ${text.length - start} remain`);
  }
  const sep = text[start + 3];
  if (isAlnum(sep) || sep === ' ' || sep === '\r' || sep === '\n') {
    return fail('ISA_DELIMITER', `character ${JSON.stringify(sep)} after ISA cannot be an element separator`);
  }
  const fields: string[] = [];
  let at = 3;
  for (let f = 0; f < WIDTHS.length; f++) {
    if (text[start + at] !== sep) {
      // The separator before field f is misplaced, so field f-1 (f >= 1: offset 3 is the separator itself) is off-width.
      const name = `ISA${String(f).padStart(2, '0')}`;
      const actual = text.slice(start + at - WIDTHS[f - 1], start + ISA_LENGTH).split(sep)[0];
      return fail(
        'ISA_FIELD_WIDTH',
        `${name} is ${actual.length} characters where the fixed-width ISA needs ${WIDTHS[f - 1]}; delimiters cannot be read safely`,
        name,
      );
    }
    fields.push(text.slice(start + at + 1, start + at + 1 + WIDTHS[f]));
    at += 1 + WIDTHS[f];
  }
  const componentSep = fields[15];
  const terminator = text[start + 105];
  const warnings: X12Issue[] = [];
  if (isAlnum(terminator) || terminator === ' ' || terminator === sep || terminator === componentSep) {
    return fail('ISA_DELIMITER', `segment terminator ${JSON.stringify(terminator)} at ISA offset 105 is not usable`);
  }
  if (isAlnum(componentSep) || componentSep === ' ' || componentSep === sep) {
    return fail('ISA_DELIMITER', `component separator ${JSON.stringify(componentSep)} is not usable`, 'ISA16');
  }
  // x12.md §1.4: ISA11 is the repetition separator in 00501 but the standards id `U` in 00401.
  let repetition: string | undefined = fields[10];
  if (isAlnum(repetition) || repetition === ' ' || [sep, componentSep, terminator].includes(repetition)) {
    warnings.push({
      severity: 'warning',
      code: 'ISA11_NOT_A_SEPARATOR',
      message: `ISA11 ${JSON.stringify(repetition)} is not a repetition separator (ISA12 ${fields[11]}); repetitions are not split`,
      offset,
      segment: index,
      segmentId: 'ISA',
      element: 'ISA11',
    });
    repetition = undefined;
  }
  return { delimiters: { element: sep, component: componentSep, repetition, segment: terminator }, fields, warnings };
}
