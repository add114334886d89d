import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { X12Parser } from 'node-x12';
import { createX12Reader, generate837P, read835, remittanceVisitor, type X12Issue } from '../src';
import { benchClaimSet, synthetic835, writeSynthetic835 } from './bench-data';

// Measures 835 parsing (ours beside node-x12, same input, same run), 837P generation, and peak RSS
// while streaming a generated 100 MB 835 in a child process so its memory is measured alone.

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeIt(runs: number, fn: () => void): number {
  const seconds: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    fn();
    seconds.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  return median(seconds);
}

function parseThroughput(): { ours: number; theirs: number; mb: number } {
  const text = synthetic835(8_000);
  const bytes = Buffer.from(text);
  const mb = bytes.length / 1e6;
  const ours = timeIt(7, () => {
    const remits = read835(bytes);
    const ok = remits.issues.length === 0 && remits.value![0].claims.length === 8_000 && remits.value![0].balanced;
    if (!ok) throw new Error('our parse is wrong');
  });
  const theirs = timeIt(3, () => {
    new X12Parser(true).parse(text);
  });
  return { ours: mb / ours, theirs: mb / theirs, mb };
}

function generationRate(): number {
  const set = benchClaimSet(500);
  const seconds = timeIt(9, () => {
    if (!generate837P(set).value) throw new Error('generation failed');
  });
  return 500 / seconds;
}

/** Child mode: stream the file through the reader and 835 builder, dropping each claim once counted. */
async function streamChild(file: string): Promise<void> {
  const issues: X12Issue[] = [];
  let claims = 0;
  let balanced = false;
  const reader = createX12Reader(
    remittanceVisitor(issues, (r) => (balanced = r.balanced), { keepClaims: false, onClaim: () => claims++ }),
  );
  const started = Date.now();
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) reader.push(chunk as Buffer);
  const { fatal } = reader.end();
  const rssMb = process.resourceUsage().maxRSS / 1024;
  const summary = { rssMb, claims, balanced, fatal: fatal?.code, issues: issues.length, seconds: (Date.now() - started) / 1000 };
  process.stdout.write(JSON.stringify(summary));
}

function peakRss(): { rssMb: number; claims: number; bytes: number; seconds: number } {
  const dir = mkdtempSync(path.join(tmpdir(), 'x12-bench-'));
  try {
    const file = path.join(dir, 'remit-100mb.835');
    const { bytes, claims } = writeSynthetic835(file, 100 * 1024 * 1024);
    const child = spawnSync(process.execPath, [__filename, '--stream', file], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(`stream child failed: ${child.stderr}`);
    const result = JSON.parse(child.stdout) as { rssMb: number; claims: number; balanced: boolean; fatal?: string; issues: number; seconds: number };
    if (result.claims !== claims || !result.balanced || result.fatal || result.issues) throw new Error(`stream child read the file wrongly: ${child.stdout}`);
    return { rssMb: result.rssMb, claims, bytes, seconds: result.seconds };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--stream') return streamChild(process.argv[3]);
  const parse = parseThroughput();
  const gen = generationRate();
  const rss = peakRss();
  const row = (name: string, value: string, target: string): string => `${name.padEnd(34)}${value.padStart(14)}   ${target}`;
  console.log(row('measure', 'value', 'target'));
  console.log(row(`835 parse, ours (${parse.mb.toFixed(1)} MB)`, `${parse.ours.toFixed(1)} MB/s`, `>= 3x node-x12 (${(parse.ours / parse.theirs).toFixed(1)}x)`));
  console.log(row('835 parse, node-x12 strict', `${parse.theirs.toFixed(1)} MB/s`, ''));
  console.log(row('837P generation', `${Math.round(gen)} claims/s`, '>= 20000'));
  console.log(row(`peak RSS, ${(rss.bytes / 1048576).toFixed(0)} MB 835 streamed`, `${rss.rssMb.toFixed(0)} MB`, `< 256 (${rss.claims} claims in ${rss.seconds.toFixed(1)} s)`));
  console.log(
    JSON.stringify({
      parse_mbps: Number(parse.ours.toFixed(2)),
      nodex12_parse_mbps: Number(parse.theirs.toFixed(2)),
      gen_claims_per_s: Math.round(gen),
      peak_rss_mb_100mb: Number(rss.rssMb.toFixed(1)),
    }),
  );
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exitCode = 1;
});
