// Families of CPT codes the rules reason about, each with the source that defines it.

/** E/M codes a psychotherapy add-on may sit beside: 99202-99255, 99304-99337, 99341-99350 [CR1]. */
export function isEmCode(code: string): boolean {
  if (!/^99\d{3}$/.test(code)) return false;
  const n = Number(code);
  return (n >= 99202 && n <= 99255) || (n >= 99304 && n <= 99337) || (n >= 99341 && n <= 99350);
}

/** +90785 only beside 90791, 90792, 90832-90838 and 90853 [CR6][CR11]. */
export const INTERACTIVE_COMPLEXITY_PRIMARIES: ReadonlySet<string> = new Set(['90791', '90792', '90832', '90833', '90834', '90836', '90837', '90838', '90853']);

/** +90785 never with crisis (90839/90840) or family therapy (90846/90847) [CR6]. */
export const INTERACTIVE_COMPLEXITY_EXCLUDED: ReadonlySet<string> = new Set(['90839', '90840', '90846', '90847']);

/** Units are always 1 for 90832-90838, except Medicare partial hospitalization (POS 52) [CR1]. */
export const ONE_UNIT_PSYCHOTHERAPY: ReadonlySet<string> = new Set(['90832', '90833', '90834', '90836', '90837', '90838']);

/** Add-on codes and the primaries they need [CR1][CR6][CR11][CR13][CR20][CR21]. */
export const ADD_ON_PRIMARIES: Readonly<Record<string, (code: string) => boolean>> = {
  '90785': (code) => INTERACTIVE_COMPLEXITY_PRIMARIES.has(code),
  '90833': isEmCode,
  '90836': isEmCode,
  '90838': isEmCode,
  '90840': (code) => code === '90839',
  '90863': (code) => ['90832', '90834', '90837'].includes(code),
  '96131': (code) => code === '96130',
  '96133': (code) => code === '96132',
  '96137': (code) => code === '96136',
  '96139': (code) => code === '96138',
};
