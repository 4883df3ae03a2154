import { App, Tags } from 'aws-cdk-lib';
import { ConfigError, configWarnings } from './config';
import { loadConfigFile, type LoadedConfig } from './config-file';
import { MonitorStack } from './monitor-stack';
import { addComplianceChecks } from './nag';

/** `cdk synth|deploy [-c config=<file>]`; MONITOR_CONFIG works too. Default: monitor.config.json. */
const app = new App();
const loaded = loadConfig((app.node.tryGetContext('config') as string | undefined) ?? process.env.MONITOR_CONFIG);

if (loaded) {
  for (const warning of [loaded.fallbackWarning, ...configWarnings(loaded.config)]) {
    if (warning) console.warn(`[jp-sanctions-monitor] warning (${loaded.file}): ${warning}`);
  }
  // No env: the template names no account or region, so one synth deploys wherever the AWS profile points.
  new MonitorStack(app, 'JpSanctionsMonitor', {
    config: loaded.config,
    description: "jp-sanctions-monitor: watches Japan's MOF asset-freeze list and notifies through SNS",
  });
  Tags.of(app).add('project', 'jp-sanctions-monitor');
  addComplianceChecks(app);
}

function loadConfig(requested: string | undefined): LoadedConfig | undefined {
  try {
    return loadConfigFile(requested);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    // A configuration mistake is the deployer's to fix: the message is the whole story, a stack trace is noise.
    console.error(`[jp-sanctions-monitor] ${error.message}`);
    process.exitCode = 1;
    return undefined;
  }
}
