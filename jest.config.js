/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
  // Bundling and synth tests write to the temp dir; keep the suite self-cleaning and bounded.
  testTimeout: 30000,
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
  // test/aws/ needs moto (Python): skipped with one line where it is not installed.
  globalSetup: '<rootDir>/test/aws/global-setup.js',
  // Removes the run's directory of bundled stacks, which test/aws/ files share (test/aws/bundled-stacks.ts).
  globalTeardown: '<rootDir>/test/aws/global-teardown.js',
};
