import { existsSync, readFileSync } from 'node:fs';
import { ConfigError, parseMonitorConfig, type MonitorConfig } from './config';

export const DEFAULT_CONFIG_FILE = 'monitor.config.json';
export const EXAMPLE_CONFIG_FILE = 'monitor.config.example.json';

export interface LoadedConfig {
  config: MonitorConfig;
  file: string;
  /** Set when the example stood in for a missing default file. */
  fallbackWarning?: string;
}

/**
 * Reads the deploy configuration. An explicitly named file must exist; the default one may be missing on a fresh
 * clone, and then the example is used so that `cdk synth` works out of the box, with a warning because its
 * subscribers are placeholders.
 */
export function loadConfigFile(requested: string | undefined): LoadedConfig {
  if (requested !== undefined) return { config: readConfig(requested), file: requested };
  if (existsSync(DEFAULT_CONFIG_FILE)) return { config: readConfig(DEFAULT_CONFIG_FILE), file: DEFAULT_CONFIG_FILE };
  return {
    config: readConfig(EXAMPLE_CONFIG_FILE),
    file: EXAMPLE_CONFIG_FILE,
    fallbackWarning:
      `${DEFAULT_CONFIG_FILE} not found: using ${EXAMPLE_CONFIG_FILE}, whose subscribers are placeholders. ` +
      `Copy it to ${DEFAULT_CONFIG_FILE} and edit it before you deploy.`,
  };
}

function readConfig(file: string): MonitorConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`cannot read the deploy configuration ${file}: ${(error as Error).message}`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseMonitorConfig(raw, file);
}
