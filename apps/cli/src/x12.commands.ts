import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import {
  DEFAULT_READ_LIMITS,
  formatIssue,
  hasErrors,
  loadX12Maps,
  parse277CA,
  parse835,
  parse999,
  read837P,
  readX12,
  singleTransaction,
  transactionsOf,
  validateX12,
  type X12Document,
  type X12Issue,
  type X12Maps,
} from '@revcycle/x12';

const MAP_FILES = ['837.5010.X222.A1.xml', '835.5010.X221.A1.xml', '999.5010X231.A1.xml', '277.5010.X214.xml'];

/** Reads a file or explains, in one line naming the position, why it cannot be read. */
function load(file: string): { doc?: X12Document; issues: X12Issue[]; problem?: string } {
  if (!existsSync(file)) return { issues: [], problem: `${file}: no such file` };
  if (statSync(file).size > DEFAULT_READ_LIMITS.maxBytes) {
    return { issues: [], problem: `${file}: larger than ${DEFAULT_READ_LIMITS.maxBytes} bytes` };
  }
  const read = readX12(readFileSync(file));
  if (!read.value) {
    const fatal = read.issues.find((i) => i.severity === 'error') ?? read.issues[0];
    return { issues: read.issues, problem: `${file}: ${fatal ? formatIssue(fatal) : 'unreadable'}` };
  }
  return { doc: read.value, issues: read.issues };
}

/** One JSON entry per transaction set, typed for 835, 837, 999 and 277. */
function transactions(doc: X12Document): { entries: unknown[]; issues: X12Issue[] } {
  const entries: unknown[] = [];
  const issues: X12Issue[] = [];
  for (const enveloped of transactionsOf(doc)) {
    const { transaction: tx, group } = enveloped;
    const single = singleTransaction(enveloped);
    const base = { type: tx.id, controlNumber: tx.controlNumber, implementationRef: tx.implementationRef ?? group.version };
    const typed =
      tx.id === '835' ? parse835(single)
      : tx.id === '837' ? read837P(single)
      : tx.id === '999' ? parse999(single)
      : tx.id === '277' ? parse277CA(single)
      : undefined;
    if (!typed) {
      entries.push({ ...base, segmentCount: tx.segments.length });
      continue;
    }
    issues.push(...typed.issues);
    const value = typed.value ?? [];
    if (tx.id === '835') entries.push({ ...base, ...(value[0] as object) });
    else if (tx.id === '837') entries.push({ ...base, claimSets: value });
    else if (tx.id === '999') entries.push({ ...base, groups: value });
    else entries.push({ ...base, claims: value });
  }
  return { entries, issues };
}

/** The maps folder: `--maps`, else X12_MAPS_DIR, else `<repo>/../shared/x12-maps` beside the repository. */
function mapsDir(option: string | undefined): string {
  if (option) return option;
  if (process.env.X12_MAPS_DIR) return process.env.X12_MAPS_DIR;
  let dir = __dirname;
  while (!existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return path.resolve(dir, '../shared/x12-maps');
}

function loadMaps(dir: string): X12Maps {
  const read = (name: string): string => readFileSync(path.join(dir, name), 'utf8');
  return loadX12Maps({ maps: MAP_FILES.map(read), dataele: read('dataele.xml'), codes: read('codes.xml') });
}

/** Adds `x12 parse FILE` and `x12 validate FILE` to the operator command line. */
export function registerX12Commands(program: Command): void {
  const x12 = program.command('x12').description('read, print and validate X12 files (837P, 835, 999, 277CA)');

  x12
    .command('parse')
    .description('print the parsed transaction sets as JSON (exit 0 when read, 2 when unreadable)')
    .argument('<file>', 'X12 file')
    .action(function (this: Command, file: string) {
      const loaded = load(file);
      if (!loaded.doc) return this.error(`x12 parse: ${loaded.problem}`, { exitCode: 2, code: 'x12.unreadable' });
      const { entries, issues } = transactions(loaded.doc);
      const report = { file, interchanges: loaded.doc.interchanges.length, transactions: entries, issues: [...loaded.issues, ...issues] };
      this.configureOutput().writeOut?.(`${JSON.stringify(report, null, 2)}\n`);
    });

  x12
    .command('validate')
    .description('check a file against the implementation-guide maps (exit 0 without errors, 1 with)')
    .argument('<file>', 'X12 file')
    .option('--maps <dir>', 'folder of pyx12-format maps with dataele.xml and codes.xml')
    .action(function (this: Command, file: string, opts: { maps?: string }) {
      const loaded = load(file);
      if (!loaded.doc) return this.error(`x12 validate: ${loaded.problem}`, { exitCode: 1, code: 'x12.unreadable' });
      const dir = mapsDir(opts.maps);
      let maps: X12Maps;
      try {
        maps = loadMaps(dir);
      } catch (e) {
        return this.error(`x12 validate: cannot load the maps in ${dir}: ${(e as Error).message}`, { exitCode: 1, code: 'x12.maps' });
      }
      const findings = [...loaded.issues, ...validateX12(loaded.doc, maps)];
      const errors = findings.filter((i) => i.severity === 'error').length;
      const lines = findings.map(formatIssue);
      lines.push(`${file}: ${errors} error(s), ${findings.length - errors} warning(s)`);
      this.configureOutput().writeOut?.(`${lines.join('\n')}\n`);
      if (hasErrors(findings)) this.error(`x12 validate: ${errors} error(s)`, { exitCode: 1, code: 'x12.invalid' });
    });
}
