// The SDK warns on Node 20 about its releases of 2027; the CLI pins a release that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { checkCommand } from './commands/check';
import { demoCommand } from './commands/demo';
import { diffCommand } from './commands/diff';
import { parseCommand } from './commands/parse';
import { screenCommand } from './commands/screen';
import { webhookRedriveCommand } from './commands/webhook-redrive';
import { webhookTestCommand } from './commands/webhook-test';

const USAGE = `usage: jp-sanctions-monitor <command> [options]
  parse <file> [--include-deleted] [--legend <xlsx>]       print the entries of a MOF list (CSV or XLSX) as JSON
  diff <old> <new> [--format json|text] [--legend <xlsx>]  compare two lists as change events
  check [--source <url-or-file>] [--data-dir <dir>] [--format json|text]
                                                           run the monitor once with an embedded store
  demo [--data-dir <dir>]                                  replay the designations of 24 May 2024 offline
  screen <name> | --customers <csv> [--list <file> | --data-dir <dir>] [--since <version>] [--dob <date>]
         [--country <c>] [--entity-type individual|entity] [--threshold <0..1>] [--format json|text]
                                                           screen a name or a customer file against the list
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
  screen: screenCommand,
  'webhook-test': webhookTestCommand,
  'webhook-redrive': webhookRedriveCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
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
