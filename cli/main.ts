import { diffCommand } from './commands/diff';
import { parseCommand } from './commands/parse';

const USAGE = `usage: jp-sanctions-monitor <command> [options]
  parse <file> [--include-deleted] [--legend <xlsx>]       print the entries of a MOF list (CSV or XLSX) as JSON
  diff <old> <new> [--format json|text] [--legend <xlsx>]  compare two lists as change events`;

const commands: Record<string, (args: string[]) => Promise<string>> = {
  parse: parseCommand,
  diff: diffCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(`${name ? `unknown command '${name}'\n` : ''}${USAGE}\n`);
    return 1;
  }
  try {
    process.stdout.write(await command(args));
    return 0;
  } catch (error) {
    process.stderr.write(`error: ${oneLine(error)}\n`);
    return 1;
  }
}

function oneLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ');
}


main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
