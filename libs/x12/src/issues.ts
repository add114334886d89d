/** How bad a finding is: an error breaks a rule of the guide or envelope, a warning is tolerated input. */
export type X12Severity = 'error' | 'warning';

/** One problem found while reading, validating or writing X12, with where it happened. */
export interface X12Issue {
  severity: X12Severity;
  /** Stable machine code, e.g. `SE_COUNT_MISMATCH`. */
  code: string;
  message: string;
  /** Byte offset of the segment start (character offset when the input was a string). */
  offset?: number;
  /** 1-based index of the segment in the file. */
  segment?: number;
  /** 1-based position inside the transaction set (ST = 1), the number a 999 IK302 reports. */
  position?: number;
  segmentId?: string;
  /** Element reference such as `CLP02` or `SV101-02`. */
  element?: string;
  loop?: string;
}

/** Outcome of a pure X12 function: a value when one could be produced, and every issue found. */
export interface X12Result<T> {
  value?: T;
  issues: X12Issue[];
}

/** Where a segment sits, as carried by every issue about it. */
export interface SegmentLocation {
  offset: number;
  index: number;
  position?: number;
  id: string;
}

/** Builds an issue located at a segment. */
export function issueAt(
  at: SegmentLocation,
  severity: X12Severity,
  code: string,
  message: string,
  extra: Partial<X12Issue> = {},
): X12Issue {
  return {
    severity,
    code,
    message,
    offset: at.offset,
    segment: at.index,
    ...(at.position !== undefined ? { position: at.position } : {}),
    segmentId: at.id,
    ...extra,
  };
}

/** True when at least one issue is an error. */
export function hasErrors(issues: readonly X12Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** One line naming the position: `error SE_COUNT_MISMATCH at segment 27 (SE01, position 25, byte 812): …`. */
export function formatIssue(issue: X12Issue): string {
  const where: string[] = [];
  if (issue.segment !== undefined) where.push(`segment ${issue.segment}`);
  const id = issue.element ?? issue.segmentId;
  const details: string[] = [];
  if (id) details.push(id);
  if (issue.loop) details.push(`loop ${issue.loop}`);
  if (issue.position !== undefined) details.push(`position ${issue.position}`);
  if (issue.offset !== undefined) details.push(`byte ${issue.offset}`);
  const place = where.length || details.length ? ` at ${[...where, details.length ? `(${details.join(', ')})` : ''].join(' ').trim()}` : '';
  return `${issue.severity} ${issue.code}${place}: ${issue.message}`;
}
