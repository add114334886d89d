// Import boundaries (house style §9), checked by `npm run lint` inside `npm test`.
const CONTEXTS = '(scheduling|encounters|coding|claims|payments|collections)';

module.exports = {
  forbidden: [
    {
      name: 'context-through-public-index',
      comment: 'A library reaches another library only through its public index (or testing index from specs).',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/([^/]+)/', pathNot: ['^libs/$1/', '^libs/[^/]+/src/index\\.ts$', '^libs/[^/]+/testing/index\\.ts$'] },
    },
    {
      name: 'core-imports-no-context',
      comment: 'The event store, kernel, platform and x12 codec know nothing of any bounded context.',
      severity: 'error',
      from: { path: '^libs/(event-store|kernel|platform|x12|testing)/' },
      to: { path: `^libs/${CONTEXTS}/` },
    },
    {
      name: 'pure-libs-without-nest',
      comment: 'kernel and x12 are plain TypeScript: no NestJS, no database driver.',
      severity: 'error',
      from: { path: '^libs/(kernel|x12)/' },
      to: { path: 'node_modules/(@nestjs|pg|typeorm)/' },
    },
    {
      name: 'deciders-are-pure',
      comment: 'State, events, errors and decide files import no framework or database code.',
      severity: 'error',
      from: { path: '\\.(state|events|errors|command)\\.ts$' },
      to: { path: ['node_modules/(@nestjs|pg|typeorm)/', '^libs/event-store/src/(?!index\\.ts$)'] },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'testing-only-from-specs',
      comment: 'Spec kits and builders are for tests.',
      severity: 'error',
      from: { path: '^(apps|libs)/', pathNot: ['\\.(spec|int-spec|e2e-spec)\\.ts$', '^libs/testing/', '^libs/[^/]+/testing/', '/bench/', '\\.contract\\.ts$'] },
      to: { path: ['^libs/testing/', '^libs/[^/]+/testing/'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
