// The SDK warns on Node 20 about its releases of 2027; the CLI pins a release that supports Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

import { printableLine } from '../shared/render/printable';

const USAGE = `usage: jp-sanctions-monitor <command> [options]
  parse <file> [--include-deleted] [--legend <xlsx>]       print the entries of a MOF list (CSV or XLSX) as JSON
  diff <old> <new> [--format json|text] [--legend <xlsx>]  compare two lists as change events
  check [--source <url-or-file>] [--data-dir <dir>] [--format json|text] [--accept <sha256> --reason <why>]
        [--customers <csv> [--threshold <0..1>]] [--timeout <s>]
                                                           run the monitor once with an embedded store
  demo [--data-dir <dir>]                                  replay the designations of 24 May 2024 offline
  serve [--data-dir <dir> | --table <name>] [--port <n>]   the read API and the web view on 127.0.0.1
  history <key> [--format text|json] [--data-dir <dir> | --table <name>]
                                                           one entry's timeline
  changes --since <version|ISO time> [--type <t>] [--regime <n>] [--entity-type <t>] [--data-dir <dir> | --table <name>]
                                                           change events as JSON lines, exactly as webhooks carry them
  export [--format json|csv|ftm] [--data-dir <dir> | --table <name>]
                                                           the current list (ftm: FollowTheMoney JSON lines)
  screen <name> | --customers <csv> [--list <file> | --data-dir <dir>] [--since <version>] [--dob <date>]
         [--country <c>] [--entity-type individual|entity] [--threshold <0..1>] [--workers <n>] [--format json|text]
                                                           screen a name or a customer file against the list
  matches <version> | --customers-run <n> [--format text|json] [--data-dir <dir> | --table <name>]
                                                           every potential match re-screening recorded for a version
                                                           or for a customer file's new and changed customers
  webhook-test --url <url> --secret <whsec_...> [--allow-loopback] [--timeout-ms <n>]
                                                           send one signed sample change event; exit 0 on a 2xx only
  webhook-redrive --queue-url <dead-letter queue> --to <webhook queue> [--max <n>]
                                                           put parked webhook messages back on the webhook queue`;

/**
 * The command table. A command's module, and everything it imports (the AWS SDK, dynalite, SheetJS, …), loads
 * only when that command runs: the built CLI (scripts/build-cli.js) bundles `main` and each command apart, and
 * keeps these `require('./commands/…')` calls as they are. To add a command, add one line below,
 *   name: () => require('./commands/<file>').<function>,
 * where the function takes the arguments after the command name and returns (a promise of) the text to print with
 * exit status 0, or `{ output, exitCode }`; then a line in USAGE. Keep the `require` a literal path: the build
 * finds the commands to bundle by it.
 */
const commands: Record<string, () => Command> = {
  parse: () => require('./commands/parse').parseCommand,
  diff: () => require('./commands/diff').diffCommand,
  check: () => require('./commands/check').checkCommand,
  demo: () => require('./commands/demo').demoCommand,
  serve: () => require('./commands/serve').serveCommand,
  history: () => require('./commands/history').historyCommand,
  changes: () => require('./commands/changes').changesCommand,
  export: () => require('./commands/export').exportCommand,
  screen: () => require('./commands/screen').screenCommand,
  matches: () => require('./commands/matches').matchesCommand,
  'webhook-test': () => require('./commands/webhook-test').webhookTestCommand,
  'webhook-redrive': () => require('./commands/webhook-redrive').webhookRedriveCommand,
};

type Command = (args: string[]) => Promise<string | { output: string; exitCode: number }>;

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
  const load = name && Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (load && !OWN_HELP.has(name!) && args.some((a) => HELP.has(a))) {
    process.stdout.write(usageOf(name!));
    return 0;
  }
  if (!load) {
    process.stderr.write(`${name ? `unknown command '${name}'\n` : ''}${USAGE}\n`);
    return 1;
  }
  try {
    const result = await load()(args);
    const { output, exitCode } = typeof result === 'string' ? { output: result, exitCode: 0 } : result;
    process.stdout.write(output);
    return exitCode;
  } catch (error) {
    process.stderr.write(`error: ${oneLine(error)}\n`);
    return 1;
  }
}

function oneLine(error: unknown): string {
  // An error may quote the list or a customer file: no control character reaches the terminal.
  return printableLine((error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' '));
}

// `… | head` closes the pipe early; that is the reader's choice, not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
