import { isLocalDate, LocalDate } from '@revcycle/kernel';

import { CodeSetPeriod } from './code-set.release';

/** CMS files write dates as YYYYMMDD (HCPCS `ADD DT`, `ACT EFF DT`, `TERM DT`). */
export function parseCompactDate(text: string): LocalDate | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})$/.exec(text.trim());
  if (!match) return undefined;
  const date = `${match[1]}-${match[2]}-${match[3]}`;
  return isLocalDate(date) ? date : undefined;
}

/** ISO dates, the form of the NCCI extracts' deletion dates. */
export function parseIsoDate(text: string): LocalDate | undefined {
  const date = text.trim();
  return isLocalDate(date) ? date : undefined;
}

/** ICD-10-CM fiscal year N runs from 1 October of N-1 to 30 September of N (billing-rules.md §11 [IC5]). */
export function icdFiscalYearPeriod(fiscalYear: number): Required<CodeSetPeriod> {
  return { effectiveFrom: `${fiscalYear - 1}-10-01`, effectiveTo: `${fiscalYear}-09-30` };
}

const QUARTER_START: Record<string, string> = { JAN: '01-01', APR: '04-01', JUL: '07-01', OCT: '10-01' };

/**
 * The effective period implied by an official file name: CMS names ICD-10-CM files by fiscal year
 * (`icd10cm_order_2026.txt`) and HCPCS quarterly files by year and month (`HCPC2025_OCT_ANWEB`).
 */
export function periodFromFileName(fileName: string): CodeSetPeriod | undefined {
  const icd = /icd10cm_(?:order|codes)_(\d{4})/i.exec(fileName);
  if (icd) return icdFiscalYearPeriod(Number(icd[1]));
  const hcpcs = /HCPC(\d{4})_(JAN|APR|JUL|OCT)/i.exec(fileName);
  if (hcpcs) return { effectiveFrom: `${hcpcs[1]}-${QUARTER_START[hcpcs[2].toUpperCase()]}` };
  return undefined;
}

export const NO_QUARTER = 'no quarter stated in file_version: pass effectiveFrom';

/** The NCCI extracts state their quarter in `file_version` ("… effective 2024-07-01 (2024 Q3)"). */
export function effectiveDateInText(text: string): LocalDate | undefined {
  const match = /effective (\d{4}-\d{2}-\d{2})/i.exec(text);
  return match && isLocalDate(match[1]) ? match[1] : undefined;
}
