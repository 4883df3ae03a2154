// Jest global teardown: removes the run's directory of bundled stacks that global-setup.js made.
const { rmSync } = require('node:fs');

module.exports = async function globalTeardown() {
  if (process.env.JSM_BUNDLED_STACKS) rmSync(process.env.JSM_BUNDLED_STACKS, { recursive: true, force: true });
};
