import { X12Parser, type X12Interchange } from 'node-x12';
import { readSample } from '../../testing';
import { createX12Reader, readX12 } from './read-x12';
import { component, element, repetitions } from './segment';

const ISA =
  'ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *250101*1200*^*00501*000000001*0*T*:~';
const body = (st: string[]): string =>
  `${ISA}GS*HC*S*R*20250101*1200*7*X*005010X222A1~${st.join('')}GE*${st.length}*7~IEA*1*000000001~`;
const tx = (ctl: string, segs: string[]): string => `ST*837*${ctl}*005010X222A1~${segs.join('')}SE*${segs.length + 2}*${ctl}~`;

describe('readX12', () => {
  it('reads delimiters from the ISA and splits components and repetitions', () => {
    const result = readX12(body([tx('0001', ['NM1*IL*1*DOE^ROE*JANE~', 'SV1*HC:90837:95*150*UN*1~'])]));
    expect(result.issues).toEqual([]);
    const [ic] = result.value!.interchanges;
    expect(ic.delimiters).toEqual({ element: '*', component: ':', repetition: '^', segment: '~' });
    const segs = ic.groups[0].transactions[0].segments;
    expect(segs.map((s) => s.id)).toEqual(['ST', 'NM1', 'SV1', 'SE']);
    expect(segs.map((s) => s.position)).toEqual([1, 2, 3, 4]);
    expect(repetitions(segs[1], 3)).toEqual(['DOE', 'ROE']);
    expect(component(segs[2], 1, 3)).toBe('95');
  });

  it('reports every count and control-number mismatch with its segment position', () => {
    const text = `${ISA}GS*HC*S*R*20250101*1200*7*X*005010X222A1~ST*837*0001~BHT*0019~SE*9*0002~GE*3*8~IEA*2*000000009~`;
    const { issues } = readX12(text);
    expect(issues.map((i) => [i.code, i.element, i.segment])).toEqual([
      ['SE_COUNT_MISMATCH', 'SE01', 5],
      ['SE_CONTROL_MISMATCH', 'SE02', 5],
      ['GE_COUNT_MISMATCH', 'GE01', 6],
      ['GE_CONTROL_MISMATCH', 'GE02', 6],
      ['IEA_COUNT_MISMATCH', 'IEA01', 7],
      ['IEA_CONTROL_MISMATCH', 'IEA02', 7],
    ]);
    expect(issues[0].position).toBe(3);
  });

  it('reports missing trailers at the end of a truncated file', () => {
    const { value, issues } = readX12(`${ISA}GS*HC*S*R*20250101*1200*7*X*005010X222A1~ST*837*0001~BHT*0019`);
    expect(value?.interchanges).toHaveLength(1);
    expect(issues.map((i) => i.code)).toEqual(['MISSING_TERMINATOR', 'MISSING_SE', 'MISSING_GE', 'MISSING_IEA']);
  });

  it('refuses a short ISA field by name instead of guessing delimiters', () => {
    const shortSender = ISA.replace('SENDER         ', 'SENDER        ');
    const { value, issues } = readX12(shortSender + 'GS*HC~');
    expect(value).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'ISA_FIELD_WIDTH', element: 'ISA06', offset: 0 })]);
  });

  it('never looks for ISA past the start of the file', () => {
    const { value, issues } = readX12(`NM1*IL*1*ISAAC~${ISA}`);
    expect(value).toBeUndefined();
    expect(issues[0].code).toBe('NO_ISA');
  });

  it('keeps byte offsets and decodes UTF-8 values when reading bytes', () => {
    const bytes = Buffer.from(body([tx('0001', ['NM1*IL*1*MUÑOZ~', 'N3*1 MAIN~'])]), 'utf8');
    const { value } = readX12(bytes);
    const segs = value!.interchanges[0].groups[0].transactions[0].segments;
    expect(element(segs[1], 3)).toBe('MUÑOZ');
    expect(bytes.subarray(segs[2].offset, segs[2].offset + 3).toString()).toBe('N3*');
  });

  it('gives the same segments whatever the chunk boundaries', () => {
    const text = body([tx('0001', ['NM1*IL*1*DOE~', 'REF*6R*1~']), tx('0002', ['LX*1~'])]);
    const ids = (chunkSize: number): string[] => {
      const seen: string[] = [];
      const reader = createX12Reader({ segment: (s) => seen.push(`${s.index}:${s.id}:${s.elements.join('|')}`) });
      const bytes = Buffer.from(text);
      for (let i = 0; i < bytes.length; i += chunkSize) reader.push(bytes.subarray(i, i + chunkSize));
      expect(reader.end().issues).toEqual([]);
      return seen;
    };
    expect(ids(1)).toEqual(ids(1 << 16));
    expect(ids(7)).toHaveLength(7);
  });

  it('stops with a limit error instead of reading an oversized file', () => {
    const { value, issues } = readX12(body([tx('0001', ['LX*1~'])]), { maxBytes: 50 });
    expect(value).toBeUndefined();
    expect(issues[0].code).toBe('LIMIT_BYTES');
  });
});

describe('shared samples through the reader', () => {
  it('strips the BOM and reads CRLF with indentation (835-bh-adamh-reversals-plb.txt)', () => {
    const { value, issues } = readX12(readSample('835-bh-adamh-reversals-plb.txt'));
    const ic = value!.interchanges[0];
    expect(ic.header.offset).toBe(3);
    expect(ic.version).toBe('00401');
    expect(ic.delimiters.repetition).toBeUndefined();
    expect(issues.map((i) => i.code)).toEqual(['ISA11_NOT_A_SEPARATOR', 'ISA_VERSION']);
    expect(ic.groups[0].transactions[0].segments).toHaveLength(98);
  });

  it('splits three interchanges in one file (835-medicaid-deidentified-3-interchanges.txt)', () => {
    const { value, issues } = readX12(readSample('835-medicaid-deidentified-3-interchanges.txt'));
    expect(value!.interchanges).toHaveLength(3);
    expect(value!.interchanges.every((i) => i.delimiters.component === '>')).toBe(true);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('reads element ~, component ^ and terminator _ (837p-odd-delimiters.txt)', () => {
    const { value, issues } = readX12(readSample('837p-odd-delimiters.txt'));
    expect(value!.interchanges[0].delimiters).toEqual({ element: '~', component: '^', repetition: undefined, segment: '_' });
    expect(issues.map((i) => [i.code, i.element])).toContainEqual(['SE_COUNT_MISMATCH', 'SE01']);
    expect(value!.interchanges[0].groups[0].transactions[0].segments).toHaveLength(34);
  });

  it('rejects UTF-16 as an encoding problem (837p-neg-utf16le.txt)', () => {
    const { value, issues } = readX12(readSample('837p-neg-utf16le.txt'));
    expect(value).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'ENCODING_UTF16', severity: 'error' })]);
  });

  it('reads ISA11 | as the repetition separator (837p-neg-missing-entity-code.txt)', () => {
    const { value } = readX12(readSample('837p-neg-missing-entity-code.txt'));
    expect(value!.interchanges[0].delimiters).toEqual({ element: '*', component: '>', repetition: '|', segment: '~' });
  });
});

describe('node-x12 as a second reader of the clean samples', () => {
  it.each(['835-tr3-medicare-part-a-plb.835', '835-tr3-managed-care.835', '835-tr3-secondary-payment.835', '835-medicaid-t1005-denied.txt', '837p-tr3-cob-secondary.837'])(
    '%s: same segments and values in both readers',
    (name) => {
      const text = readSample(name).toString('utf8');
      const theirs = new X12Parser(true).parse(text) as X12Interchange;
      const theirSegments = theirs.functionalGroups.flatMap((g) => g.transactions.flatMap((t) => [t.header, ...t.segments, t.trailer]));
      const ours = readX12(text).value!.interchanges.flatMap((i) => i.groups.flatMap((g) => g.transactions.flatMap((t) => t.segments)));
      expect(theirSegments.map((s) => [s.tag, ...s.elements.map((e) => e.value)])).toEqual(ours.map((s) => s.elements));
    },
  );
});
