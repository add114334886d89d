import { Command, CommanderError } from 'commander';
import * as path from 'node:path';
import { registerX12Commands } from './x12.commands';

const SHARED = path.resolve(__dirname, '../../..', '../shared');
const sample = (name: string): string => path.join(SHARED, 'x12-samples', name);
const fixture = (name: string): string => path.resolve(__dirname, '../../../test/fixtures/x12', name);

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const program = new Command('revcycle').exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
  registerX12Commands(program);
  try {
    await program.parseAsync(['x12', ...args], { from: 'user' });
    return { code: 0, out: out.join(''), err: err.join('') };
  } catch (e) {
    if (!(e instanceof CommanderError)) throw e;
    return { code: e.exitCode, out: out.join(''), err: err.join('') };
  }
}

describe('revcycle x12 parse', () => {
  it('prints an 835 as JSON with payments, claims, adjustments and balancing', async () => {
    const { code, out } = await run('parse', sample('835-tr3-managed-care.835'));
    expect(code).toBe(0);
    const [tx] = JSON.parse(out).transactions;
    expect(tx).toMatchObject({ type: '835', balanced: true, imbalances: [], payment: { amountCents: 94_500, method: 'ACH', traceNumber: '7170066655' } });
    expect(tx.claims[0]).toMatchObject({
      patientControlNumber: '5554555444',
      status: '1',
      chargeCents: 80_000,
      paidCents: 45_000,
      patientResponsibilityCents: 30_000,
      payerClaimControlNumber: '94060555410000',
      adjustments: [{ group: 'CO', reason: 'A2', amountCents: 5000 }],
    });
    expect(tx.claims[0].services).toHaveLength(1);
    expect(tx.providerAdjustments).toEqual([]);
  });

  it('reports the imbalance of the ADAMH remittance but still exits 0', async () => {
    const { code, out } = await run('parse', sample('835-bh-adamh-reversals-plb.txt'));
    expect(code).toBe(0);
    expect(JSON.parse(out).transactions[0]).toMatchObject({ balanced: false, providerAdjustments: [{ reason: 'CV', amountCents: -127 }] });
  });

  it('prints 999 and 277CA verdicts', async () => {
    expect(JSON.parse((await run('parse', fixture('999-partially-accepted.x12'))).out).transactions[0].groups[0].status).toBe('partially-accepted');
    expect(JSON.parse((await run('parse', fixture('277ca-mixed.x12'))).out).transactions[0].claims).toHaveLength(3);
  });

  it('exits 2 with one line naming the position when the file cannot be read', async () => {
    const { code, err, out } = await run('parse', sample('837p-neg-utf16le.txt'));
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/ENCODING_UTF16 at \(byte 0\)/);
    expect(err).not.toMatch(/\n\s+at /);
  });
});

describe('revcycle x12 validate', () => {
  it('exits 0 for a generated claim with no findings', async () => {
    const { code, out } = await run('validate', fixture('837p-bh-telehealth.x12'));
    expect(code).toBe(0);
    expect(out).toMatch(/0 error\(s\), 0 warning\(s\)/);
  });

  it('exits 1 and prints findings with positions for a defective claim', async () => {
    const { code, out } = await run('validate', sample('837p-neg-segment-errors.txt'));
    expect(code).toBe(1);
    expect(out).toContain('error REQUIRED_SEGMENT_MISSING at segment 14 (N3, loop 2010AA, position 12, byte 515): N3 in loop 2010AA is required but not found');
  });

  it('uses the maps folder given with --maps', async () => {
    const { code, err } = await run('validate', '--maps', '/nonexistent', fixture('837p-bh-telehealth.x12'));
    expect(code).toBe(1);
    expect(err).toMatch(/^x12 validate: cannot load the maps in \/nonexistent: .*ENOENT.*\n$/);
  });
});
