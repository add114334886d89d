import { X12Parser, type X12Interchange } from 'node-x12';
import { asWritten, bhScenarios, readFixture, sharedMaps } from '../../testing';
import { readX12 } from '../reader/read-x12';
import { validateX12 } from '../validator/validate';
import { generate837P } from './generate-837p';
import type { ProfessionalClaimSet } from './professional-claim';
import { read837P } from './read-837p';

const scenarios = bhScenarios();
const names = Object.keys(scenarios);

describe('generate837P on the behavioral-health scenarios', () => {
  it('covers every scenario the claims context needs', () => {
    expect(names.sort()).toEqual(['corrected', 'crisis', 'family', 'group', 'individual', 'secondary', 'telehealth']);
  });

  describe.each(names)('%s', (name) => {
    const set = scenarios[name];
    const text = generate837P(set, { lineBreak: true }).value!;

    it('matches its golden file', () => {
      expect(text).toBe(readFixture(`837p-bh-${name}.x12`));
    });

    it('passes the map-driven validator with no findings', () => {
      const read = readX12(text);
      expect([...read.issues, ...validateX12(read.value!, sharedMaps())]).toEqual([]);
    });

    it('reads back into the same claim model', () => {
      expect(read837P(readX12(text).value!).value).toEqual([asWritten(set)]);
    });

    it('is read by node-x12 in strict mode to the same segments and values', () => {
      const theirs = new X12Parser(true).parse(text) as X12Interchange;
      const tx = theirs.functionalGroups[0].transactions[0];
      const theirSegments = [tx.header, ...tx.segments, tx.trailer].map((s) => [s.tag, ...s.elements.map((e) => e.value)]);
      const ours = readX12(text).value!.interchanges[0].groups[0].transactions[0].segments.map((s) => s.elements);
      expect(theirSegments).toEqual(ours);
      const clm = tx.segments.filter((s) => s.tag === 'CLM');
      expect(clm.map((s) => s.valueOf(1))).toEqual(set.claims.map((c) => c.patientControlNumber));
      const charges = tx.segments.filter((s) => s.tag === 'SV1').map((s) => Math.round(Number(s.valueOf(2)) * 100));
      expect(charges).toEqual(set.claims.flatMap((c) => c.lines.map((l) => l.chargeCents)));
      expect(clm.map((s) => Math.round(Number(s.valueOf(2)) * 100))).toEqual(set.claims.map((c) => c.lines.reduce((t, l) => t + l.chargeCents, 0)));
    });
  });

  it('sends crisis add-on 90840 with its units and telehealth modifiers with POS 10 and line POS 02', () => {
    const crisis = generate837P(scenarios.crisis).value!;
    expect(crisis).toContain('SV1*HC:90840*210*UN*2***1:2~');
    const tele = generate837P(scenarios.telehealth).value!;
    expect(tele).toContain('CLM*RB-TEL-0005*340***10:B:1*Y*A*Y*Y~');
    expect(tele).toContain('SV1*HC:90834:93*120*UN*1*02**1:3~');
    expect(tele).toContain('SV1*HC:99213:95*110*UN*1***1:2~');
  });

  it('sends a replacement claim with frequency 7 and REF*F8', () => {
    const text = generate837P(scenarios.corrected).value!;
    expect(text).toMatch(/CLM\*RB-IND-0001\*150\*\*\*11:B:7\*Y\*A\*Y\*Y~REF\*F8\*MCD25070000123~REF\*G1\*PA778899~HI\*ABK:F411\*ABF:F331~/);
  });

  it('puts the dependent patient in 2000C under a subscriber HL that announces a child', () => {
    const text = generate837P(scenarios.family).value!;
    expect(text).toContain('HL*2*1*22*1~');
    expect(text).toContain('HL*3*2*23*0~PAT*19~NM1*QC*1*NGUYEN*LINH~');
  });
});

describe('generate837P refuses claims that would be malformed', () => {
  const base = scenarios.individual;
  const withClaim = (patch: Partial<ProfessionalClaimSet['claims'][0]>): ProfessionalClaimSet => ({ ...base, claims: [{ ...base.claims[0], ...patch }] });

  it('names the field holding a delimiter', () => {
    const result = generate837P(withClaim({ subscriber: { ...base.claims[0].subscriber, name: { last: 'O~BRIEN' } } }));
    expect(result.value).toBeUndefined();
    expect(result.issues).toEqual([expect.objectContaining({ code: 'CLAIM_INVALID', element: 'claims[0].subscriber.name.last' })]);
  });

  it('requires the payer claim control number on a void', () => {
    const { issues } = generate837P(withClaim({ frequency: '8', payerClaimControlNumber: undefined }));
    expect(issues.map((i) => i.element)).toEqual(['claims[0].payerClaimControlNumber']);
  });

  it('refuses dotted diagnoses, a fifth modifier and a pointer past the diagnoses', () => {
    const line = { ...base.claims[0].lines[0], modifiers: ['HO', '95', 'GT', 'HN', 'HQ'], diagnosisPointers: [3] };
    const { issues } = generate837P(withClaim({ diagnoses: ['F41.1', 'F331'], lines: [line] }));
    expect(issues.map((i) => i.element)).toEqual(['claims[0].diagnoses[0]', 'claims[0].lines[0].modifiers', 'claims[0].lines[0].diagnosisPointers[0]']);
  });
});
