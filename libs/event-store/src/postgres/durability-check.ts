import { Client } from 'pg';

/** Settings an acknowledged append depends on (security.md CRASH-6). */
const REQUIRED: Array<[setting: string, expected: string]> = [
  ['fsync', 'on'],
  ['synchronous_commit', 'on'],
  ['full_page_writes', 'on'],
  ['data_checksums', 'on'],
  ['max_prepared_transactions', '0'],
];

/** Names the durability settings that are not as required; empty when all hold. */
export async function durabilityProblems(connectionString: string): Promise<string[]> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    const problems: string[] = [];
    for (const [setting, expected] of REQUIRED) {
      const { rows } = await client.query<{ value: string }>('SELECT current_setting($1) AS value', [setting]);
      if (rows[0].value !== expected) problems.push(`${setting} is ${rows[0].value}, expected ${expected}`);
    }
    return problems;
  } finally {
    await client.end();
  }
}
