// @ts-check
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

/**
 * Dependency rules. botbuilder is archived upstream, so it stays inside the
 * Teams edge (src/teams) and a move to the Teams SDK touches one folder.
 * restify stays in the server module, better-sqlite3 in the SQLite store, and
 * the Microsoft Graph client and @azure/identity in the Graph edge (src/graph).
 * The inner folders (domain, content, i18n, cards, app, routes, calendar,
 * rollout, reports, questions, engagement, effect-report) never import
 * the edges: dependencies point inward.
 */
const edgeOnly = [
  { name: 'botbuilder', message: 'botbuilder belongs in src/teams/ only (the Teams edge).' },
  { name: 'botframework-connector', message: 'Bot Framework packages belong in src/teams/ only.' },
  { name: 'botframework-schema', message: 'Bot Framework packages belong in src/teams/ only.' },
  { name: 'restify', message: 'restify belongs in src/server/ only.' },
  { name: 'better-sqlite3', message: 'better-sqlite3 belongs in src/stores/sqlite/ only.' },
  {
    name: '@microsoft/microsoft-graph-client',
    message: 'The Graph client belongs in src/graph/ only (the Graph edge).',
  },
  {
    name: '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials',
    message: 'The Graph client belongs in src/graph/ only (the Graph edge).',
  },
  { name: '@azure/identity', message: '@azure/identity belongs in src/graph/ only (the Graph edge).' },
];
const innerMustNotImport = ['**/teams/**', '**/server/**', '**/stores/sqlite/**', '**/graph/**', '**/index'];
const restrict = (allowed = /** @type {string[]} */ ([]), patterns = /** @type {string[]} */ ([])) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: edgeOnly.filter((p) => !allowed.includes(p.name)),
      patterns: patterns.length
        ? [{ group: patterns, message: 'Inner code must not depend on an edge (teams, server, SQLite, index).' }]
        : [],
    },
  ],
});

module.exports = tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'appPackage/build/**', 'cards-preview/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': 'error',
      ...restrict(),
    },
  },
  { files: ['src/teams/**/*.ts'], rules: restrict(['botbuilder', 'botframework-connector', 'botframework-schema']) },
  { files: ['src/server/**/*.ts'], rules: restrict(['restify']) },
  { files: ['src/stores/sqlite/**/*.ts'], rules: restrict(['better-sqlite3']) },
  {
    files: ['src/graph/**/*.ts'],
    rules: restrict([
      '@microsoft/microsoft-graph-client',
      '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials',
      '@azure/identity',
    ]),
  },
  {
    files: [
      'src/{domain,content,i18n,cards,app,routes,calendar,rollout,reports,questions,engagement,effect-report}/**/*.ts',
    ],
    rules: restrict([], innerMustNotImport),
  },
  // bench:turn compares refleks with a bare botbuilder echo bot on the same restify setup (scripts/bench/echo-bot.ts).
  { files: ['scripts/bench/**/*.ts'], rules: restrict(['botbuilder', 'restify']) },
  // Tests may reach into the SQLite file and post Bot Framework activities directly.
  { files: ['tests/**/*.ts'], rules: restrict(['better-sqlite3', 'botbuilder']) },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
