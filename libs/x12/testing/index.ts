import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { ProfessionalClaimSet } from '../src/837p/professional-claim';
import { loadX12Maps, type X12Maps } from '../src/validator/validate';

// Specs only: the shared folder sits beside the repository (CI clones the repo next to shared/).
const REPO_ROOT = path.resolve(__dirname, '../../..');
const SHARED = path.resolve(REPO_ROOT, '../shared');

/** Absolute path of a file in the shared X12 samples folder. */
export const samplePath = (name: string): string => path.join(SHARED, 'x12-samples', name);

/** Bytes of a shared sample, exactly as stored. */
export const readSample = (name: string): Buffer => readFileSync(samplePath(name));

/** Names of every shared sample file (hidden files and folders excluded). */
export const sampleNames = (): string[] =>
  readdirSync(path.join(SHARED, 'x12-samples'), { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.') && e.name !== 'README.md')
    .map((e) => e.name)
    .sort();

/** The shared implementation-guide maps folder. */
export const mapsDir = (): string => path.join(SHARED, 'x12-maps');

/** Text of a shared map file. */
export const readMap = (name: string): string => readFileSync(path.join(mapsDir(), name), 'utf8');

/** Absolute path of one of our synthetic fixtures. */
export const fixturePath = (name: string): string => path.join(REPO_ROOT, 'test/fixtures/x12', name);

/** Text of one of our synthetic fixtures. */
export const readFixture = (name: string): string => readFileSync(fixturePath(name), 'utf8');

let maps: X12Maps | undefined;

/** The shared implementation-guide maps, loaded once per test file. */
export function sharedMaps(): X12Maps {
  maps ??= loadX12Maps({
    maps: ['837.5010.X222.A1.xml', '835.5010.X221.A1.xml', '999.5010X231.A1.xml', '277.5010.X214.xml'].map(readMap),
    dataele: readMap('dataele.xml'),
    codes: readMap('codes.xml'),
  });
  return maps;
}

/** The behavioral-health 837P scenarios of test/fixtures/x12, each as a complete claim set. */
export function bhScenarios(): Record<string, ProfessionalClaimSet> {
  const file = JSON.parse(readFixture('837p-bh-scenarios.json')) as {
    envelope: Omit<ProfessionalClaimSet, 'claims'>;
    scenarios: Record<string, ProfessionalClaimSet['claims']>;
  };
  return Object.fromEntries(Object.entries(file.scenarios).map(([name, claims]) => [name, { ...file.envelope, claims }]));
}
export { asWritten } from './round-trip';
