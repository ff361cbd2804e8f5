/** @type {import('jest').Config} */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/test/bench/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  // Inline snapshots are written without prettier (jest 30 no longer bundles it).
  prettierPath: null,
};

// Two projects: every suite on cdktf (the source as written), and the construct and binding suites
// again on CDK Terrain, their imports (and the sources') renamed by the build's own transformer.
/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/global-setup.js',
  testTimeout: 120000,
  projects: [
    { ...common, displayName: 'cdktf' },
    {
      ...common,
      displayName: 'cdktn',
      testMatch: ['<rootDir>/test/constructs/**/*.test.ts', '<rootDir>/test/bindings/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', astTransformers: { before: ['<rootDir>/scripts/cdktn-jest-transformer.js'] } }] },
    },
  ],
};
