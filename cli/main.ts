// The SDK warns on Node 20 about its releases of 2027; the CLI pins a release that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { diffCommand } from './commands/diff';
import { parseCommand } from './commands/parse';
import { webhookRedriveCommand } from './commands/webhook-redrive';
import { webhookTestCommand } from './commands/webhook-test';

const USAGE = `usage: jp-sanctions-monitor <command> [options]
  parse <file> [--include-deleted] [--legend <xlsx>]       print the entries of a MOF list (CSV or XLSX) as JSON
  diff <old> <new> [--format json|text] [--legend <xlsx>]  compare two lists as change events
  check [--source <url-or-file>] [--data-dir <dir>] [--format json|text] [--accept <sha256> --reason <why>]
                                                           run the monitor once with an embedded store
  demo [--data-dir <dir>]                                  replay the designations of 24 May 2024 offline
  webhook-test --url <url> --secret <whsec_...> [--allow-loopback] [--timeout-ms <n>]
                                                           send one signed sample change event; exit 0 on a 2xx only
  webhook-redrive --queue-url <dead-letter queue> --to <webhook queue> [--max <n>]
                                                           put parked webhook messages back on the webhook queue`;

type Command = (args: string[]) => Promise<{ output: string; exitCode: number }>;
const printing = (command: (args: string[]) => Promise<string>): Command => async (args) => ({ output: await command(args), exitCode: 0 });

const commands: Record<string, Command> = {
  parse: printing(parseCommand),
  diff: printing(diffCommand),
  check: checkCommand,
  demo: demoCommand,
  'webhook-test': webhookTestCommand,
  'webhook-redrive': webhookRedriveCommand,
};

const HELP = new Set(['--help', '-h']);
/** Commands whose own --help says more than their usage line. */
const OWN_HELP = new Set(['check', 'demo']);

/** The usage line(s) of one command, from USAGE. */
function usageOf(name: string): string {
  const lines = USAGE.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`  ${name} `));
  const end = lines.findIndex((l, i) => i > start && /^  \S/.test(l));
  return `usage: jp-sanctions-monitor ${lines.slice(start, end < 0 ? undefined : end).map((l) => l.trim()).join('\n  ')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name && HELP.has(name)) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (name && commands[name] && !OWN_HELP.has(name) && args.some((a) => HELP.has(a))) {
    process.stdout.write(usageOf(name));
    return 0;
  }
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `unknown command '${name}'\n` : ''}${USAGE}\n`);
    return 1;
  }
  try {
    const { output, exitCode } = await command(args);
    process.stdout.write(output);
    return exitCode;
  } catch (error) {
    process.stderr.write(`error: ${oneLine(error)}\n`);
    return 1;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}

// `… | head` closes the pipe early; that is the reader's choice, not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
