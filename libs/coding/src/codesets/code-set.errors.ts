import { DomainError } from '@revcycle/kernel';

/** One problem in an imported file; `line` is 1-based (0 = the file as a whole). */
export interface CodeSetIssue {
  line: number;
  message: string;
}

const ISSUES_KEPT = 50;

/** An official file that does not match its published layout; nothing of it is imported. */
export class CodeSetFileInvalid extends DomainError {
  constructor(
    readonly kind: string,
    readonly issues: CodeSetIssue[],
  ) {
    const shown = issues.slice(0, 3).map((issue) => `line ${issue.line}: ${issue.message}`);
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    super('CODING.CODESET_INVALID_FORMAT', `The ${kind} file is not valid: ${shown.join('; ')}${more}`, {
      kind,
      issues: issues.slice(0, ISSUES_KEPT),
    });
    this.name = 'CodeSetFileInvalid';
  }
}

/** Collects every issue of a file so one run reports them all, then fails as a whole. */
export class CodeSetIssueLog {
  private readonly issues: CodeSetIssue[] = [];

  constructor(private readonly kind: string) {}

  add(line: number, message: string): void {
    this.issues.push({ line, message });
  }

  throwIfAny(): void {
    if (this.issues.length > 0) throw new CodeSetFileInvalid(this.kind, this.issues);
  }
}
