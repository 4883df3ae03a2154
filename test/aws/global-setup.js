// Jest global setup: decides once per run whether test/aws/ (the stack against moto) can run here. Where moto is
// missing the suite is skipped with one line, unless JSM_REQUIRE_AWS_EMULATION=1 (npm run test:aws, .ci/run)
// makes that an error. The answer is passed to the test files through the environment.
// It also makes the run's directory of bundled stacks (test/aws/bundled-stacks.ts), which global-teardown.js removes.
const { spawnSync } = require('node:child_process');
const { mkdtempSync } = require('node:fs');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

module.exports = async function globalSetup() {
  process.env.JSM_BUNDLED_STACKS = mkdtempSync(join(tmpdir(), 'jsm-bundled-stacks-'));
  if (process.env.JSM_AWS_EMULATION === 'available' || process.env.JSM_AWS_EMULATION === 'missing') return;
  const available = spawnSync('python3', ['-c', 'import moto.server'], { stdio: 'ignore' }).status === 0;
  process.env.JSM_AWS_EMULATION = available ? 'available' : 'missing';
  if (available) return;
  const message = 'test/aws skipped: the AWS emulator moto is not installed (pip install "moto[server]")';
  if (process.env.JSM_REQUIRE_AWS_EMULATION === '1') throw new Error(message.replace('skipped', 'cannot run'));
  process.stderr.write(`\n${message}\n`);
};
