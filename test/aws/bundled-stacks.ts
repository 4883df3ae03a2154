import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import type { MonitorConfigInput } from '../../infra/config';
import { synthMonitor } from '../infra/synth';
import type { TemplateJson } from './template-values';

export interface BundledStack {
  template: TemplateJson;
  assemblyDirectory: string;
}

/**
 * The stack of a deploy configuration, synthesized with its real esbuild bundles (about 20 s of esbuild). The
 * files of test/aws/ deploy two configurations between them, and the sources cannot change during one jest run, so
 * the first file to need a configuration synthesizes it into the run's directory (JSM_BUNDLED_STACKS, made and
 * removed by jest's global setup and teardown) and the others load the same assembly from there. Outside jest's
 * global setup every call synthesizes.
 */
export function bundledStack(config: MonitorConfigInput): BundledStack {
  const runDirectory = process.env.JSM_BUNDLED_STACKS;
  if (!runDirectory) return synthesizeBundled(config);
  const target = path.join(runDirectory, createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 16));
  if (!existsSync(target)) {
    const { template, assemblyDirectory } = synthesizeBundled(config);
    // Staged, then renamed in whole: a file in the other jest worker sees no assembly or a complete one.
    const staging = `${target}.${process.pid}`;
    cpSync(assemblyDirectory, path.join(staging, 'assembly'), { recursive: true });
    writeFileSync(path.join(staging, 'template.json'), JSON.stringify(template));
    try {
      renameSync(staging, target);
    } catch (error) {
      // The other worker got there first with the same configuration and sources: keep its copy.
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(target)) throw error;
    }
  }
  return {
    template: JSON.parse(readFileSync(path.join(target, 'template.json'), 'utf8')) as TemplateJson,
    assemblyDirectory: path.join(target, 'assembly'),
  };
}

export function synthesizeBundled(config: MonitorConfigInput): BundledStack {
  const { app, template } = synthMonitor(config, { bundle: true });
  return { template: template.toJSON() as TemplateJson, assemblyDirectory: app.synth().directory };
}
