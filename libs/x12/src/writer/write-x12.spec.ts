import { readX12 } from '../reader/read-x12';
import { writeInterchange, type InterchangeSpec, type SegmentSpec } from './write-x12';

const spec = (segments: SegmentSpec[]): InterchangeSpec => ({
  senderQualifier: 'ZZ',
  senderId: 'REVCYCLE',
  receiverQualifier: 'ZZ',
  receiverId: 'CLEARINGHOUSE',
  date: '250301',
  time: '0930',
  controlNumber: '42',
  usage: 'T',
  groups: [
    {
      functionalId: 'HC',
      senderCode: 'REVCYCLE',
      receiverCode: 'CH',
      date: '20250301',
      time: '0930',
      controlNumber: '42',
      version: '005010X222A1',
      transactions: [{ id: '837', controlNumber: '0001', implementationRef: '005010X222A1', segments }],
    },
  ],
});

describe('writeInterchange', () => {
  it('pads the fixed-width ISA and computes SE, GE and IEA counts that the reader accepts', () => {
    const { value, issues } = writeInterchange(spec([{ id: 'BHT', elements: ['0019', '00', 'B1'] }, { id: 'LX', elements: ['1'] }]));
    expect(issues).toEqual([]);
    expect(value!.indexOf('GS')).toBe(106);
    expect(value).toContain('SE*4*0001~GE*1*42~IEA*1*000000042~');
    const back = readX12(value!);
    expect(back.issues).toEqual([]);
    expect(back.value!.interchanges[0].controlNumber).toBe('000000042');
  });

  it('drops trailing empty elements and components', () => {
    const { value } = writeInterchange(spec([{ id: 'SV1', elements: [['HC', '90837', undefined, ''], '150', 'UN', '1', '', '', undefined] }]));
    expect(value).toContain('~SV1*HC:90837*150*UN*1~');
  });

  it.each([
    ['*', 'element separator'],
    ['~', 'segment terminator'],
    [':', 'component separator'],
    ['^', 'repetition separator'],
  ])('refuses a value containing the %s (%s)', (delimiter) => {
    const { value, issues } = writeInterchange(spec([{ id: 'NM1', elements: ['IL', '1', `O${delimiter}BRIEN`] }]));
    expect(value).toBeUndefined();
    expect(issues).toEqual([expect.objectContaining({ code: 'DELIMITER_IN_VALUE', element: 'NM103' })]);
  });

  it('refuses characters outside the X12 character set', () => {
    const { issues } = writeInterchange(spec([{ id: 'NM1', elements: ['IL', '1', 'MUÑOZ'] }]));
    expect(issues).toEqual([expect.objectContaining({ code: 'INVALID_CHARACTER', element: 'NM103' })]);
  });

  it('refuses a control number that does not fit ISA13', () => {
    const { issues } = writeInterchange({ ...spec([]), controlNumber: '1234567890' });
    expect(issues.map((i) => i.element)).toContain('ISA13');
  });
});
