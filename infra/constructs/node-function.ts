import * as path from 'node:path';
import { RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as nodejs from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * Packages the screening code requires only on the first name in Chinese characters (shared/screening/chinese.ts,
 * cantonese.ts): their dictionaries are 2.8 MiB of the bundle, which Node would parse at every cold start though most
 * never meet such a name. They are left out of the bundle and shipped as files beside it, in the asset's
 * node_modules/, where the bundle's require finds them when it first needs them (scripts/copy-beside-bundle.js).
 */
const BESIDE_THE_BUNDLE = ['opencc-js', 'to-jyutping'];

/** A Lambda entry point of this repository, e.g. `functions/check/handler.ts`. */
export function entryPath(...parts: string[]): string {
  return path.join(REPO_ROOT, ...parts);
}

/**
 * The project's functions: Node.js 22 on ARM64, bundled locally by esbuild as one ES module. Each construct adds
 * its own memory, timeout, role, log group, environment and invocation settings.
 */
export function projectFunction(
  scope: Construct,
  id: string,
  props: Omit<nodejs.NodejsFunctionProps, 'runtime' | 'architecture' | 'bundling' | 'projectRoot' | 'depsLockFilePath'> & { entry: string },
): nodejs.NodejsFunction {
  const fn = new nodejs.NodejsFunction(scope, id, {
    handler: 'handler',
    projectRoot: REPO_ROOT,
    depsLockFilePath: path.join(REPO_ROOT, 'package-lock.json'),
    runtime: lambda.Runtime.NODEJS_22_X,
    architecture: lambda.Architecture.ARM_64,
    bundling: {
      format: nodejs.OutputFormat.ESM,
      target: 'node22',
      minify: true,
      sourceMap: true,
      sourcesContent: false,
      logLevel: nodejs.LogLevel.ERROR,
      // Only the packages beside the bundle are left out: the SDK is bundled at the version the tests ran against, not
      // the one the runtime happens to carry.
      externalModules: BESIDE_THE_BUNDLE,
      // A copy of the installed files, not NodejsFunction's nodeModules: that runs npm ci in every function's asset,
      // needs the registry or its cache, and installs whole packages (7.3 MB against the 1.6 MB the bundle loads).
      commandHooks: {
        beforeBundling: () => [],
        beforeInstall: () => [],
        afterBundling: (inputDir, outputDir) => [
          `node "${inputDir}/scripts/copy-beside-bundle.js" "${inputDir}" "${outputDir}" ${BESIDE_THE_BUNDLE.join(' ')}`,
        ],
      },
      mainFields: ['module', 'main'],
      // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins, and the screening
      // code for the packages beside the bundle.
      banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    ...props,
  });
  // The map ships in the zip and Node applies it: a logged stack trace names shared/…/*.ts lines instead of columns of
  // one minified line. It doubles the zip and costs the cold start too: Node reads and parses the map as it loads the
  // module (+35 to +50 ms CPU for the check's, npm run bench), and the first stack trace formatted pays again.
  fn.addEnvironment('NODE_OPTIONS', '--enable-source-maps');
  const runtime =
    'Node.js 22 is the runtime the project builds and tests for (esbuild target node22); moving to a newer runtime is a ' +
    'deliberate upgrade, not something a synth should do silently.';
  Validations.of(fn).acknowledge({ id: 'AwsSolutions-L1', reason: runtime }, { id: 'Serverless-LambdaLatestVersion', reason: runtime });
  // cfn-lint (.ci/run) warns W3005 that DependsOn the role repeats what Role's GetAtt already orders. CDK writes it
  // on every function, beside the one on the role's default policy that does matter (a function must not run before
  // its permissions exist); the repetition is harmless, and removing it would mean rewriting what CDK generates.
  (fn.node.defaultChild as lambda.CfnFunction).addMetadata('cfn-lint', { config: { ignore_checks: ['W3005'] } });
  return fn;
}

/**
 * A function's own log group and role, to which its construct grants exactly what it needs. The log group goes with
 * the stack: logs are operational; the table and the archive are the record, and they are retained.
 */
export function functionLogsAndRole(scope: Construct, props: { logDays: number; description: string }): { logGroup: logs.LogGroup; role: iam.Role } {
  const logGroup = new logs.LogGroup(scope, 'Logs', {
    retention: props.logDays as logs.RetentionDays,
    removalPolicy: RemovalPolicy.DESTROY,
  });
  const role = new iam.Role(scope, 'Role', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: props.description,
  });
  return { logGroup, role };
}
