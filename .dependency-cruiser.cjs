/**
 * The layers of DESIGN §9, checked on every `npm test` (`npm run check:layers`).
 * Any violation fails the run.
 */
const ours = '^(src|policies)/';
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment:
        'Modules of ours import each other in one direction only. A cycle closed only by type imports ' +
        '(an Inventory view naming the Inventory type) loads nothing at run time and is allowed.',
      severity: 'error',
      from: { path: ours },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'model-imports-only-model',
      comment: 'The Inventory and its views are the bottom layer: they import nothing of ours but themselves.',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: ours, pathNot: '^src/model/' },
    },
    {
      name: 'policies-use-the-public-api',
      comment: 'A built-in policy has no privileges a user policy lacks: it imports src/api.ts and nothing else of src/.',
      severity: 'error',
      from: { path: '^policies/', pathNot: '\\.test\\.ts$' },
      to: { path: '^src/', pathNot: '^src/api\\.ts$' },
    },
    {
      name: 'engines-build-the-model',
      comment: 'Engines turn inputs into the Inventory; they know nothing of policies, scans, reports or the CLI.',
      severity: 'error',
      from: { path: '^src/engines/' },
      to: { path: '^(src/(rules|scan|report|cli|action|network|config|testing)|policies)/' },
    },
    {
      name: 'network-reads-the-model',
      comment: 'The network path model reasons over the Inventory only.',
      severity: 'error',
      from: { path: '^src/network/' },
      to: { path: ours, pathNot: '^src/(network|model)/' },
    },
    {
      name: 'rules-know-no-input-format',
      comment: 'The policy runner knows nothing of any one input format, nor of reports or the CLI.',
      severity: 'error',
      from: { path: '^src/rules/' },
      to: { path: '^(src/(engines|network|scan|report|cli|action|testing)|policies)/' },
    },
    {
      name: 'reports-read-scan-results',
      comment: 'Reporters turn scan results into one format each; they never reach engines, the CLI or policies.',
      severity: 'error',
      from: { path: '^src/report/' },
      to: { path: '^(src/(engines|network|cli|action|testing)|policies)/' },
    },
    {
      name: 'report-formats-do-not-import-the-dispatcher',
      comment: 'src/report/reporter.ts picks a format; a format does not import back from it.',
      severity: 'error',
      from: { path: '^src/report/[^/]+/' },
      to: { path: '^src/report/reporter\\.ts$' },
    },
    {
      name: 'only-the-top-imports-the-cli',
      comment: 'cli and action sit on top: nothing below imports them.',
      severity: 'error',
      from: { path: ours, pathNot: '^src/(cli|action)/' },
      to: { path: '^src/(cli|action)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|\\.test\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'], extensions: ['.ts', '.js', '.mjs', '.cjs', '.json'] },
  },
};
