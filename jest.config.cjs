/** One jest run for every package; TypeScript is compiled by swc (ts-jest refuses TypeScript 7). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j|mj|cj)sx?$': swc },
  // ESM-only packages are compiled to CommonJS like our own code; so is PGlite, whose CommonJS
  // build still calls import(), which jest cannot run without --experimental-vm-modules.
  // So are the RDF libraries the publication's tests parse and validate pages with.
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|@electric-sql/pglite|rdf-validate-shacl|rdf-validate-datatype|rdf-dataset-ext|rdf-literal|@rdfjs|@vocabulary|clownface|@tpluscode|grapoi)/)',
  ],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  collectCoverageFrom: ['shared/src/**/*.ts'],
  coverageReporters: ['text-summary', 'text'],
  coverageThreshold: { './shared/src/': { lines: 95 } },
  testTimeout: 30000,
};
