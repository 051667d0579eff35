import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Every script answers -h and --help with its usage. */
const HELP = { help: { type: 'boolean', short: 'h' } } as const;

/**
 * A script's command line, parsed strictly: -h or --help prints the usage and exits 0;
 * an unknown option, a missing value or a stray argument prints the usage and exits 2.
 */
export function parseCommandLine<const T extends ParseArgsConfig>(usage: string, config: T) {
  try {
    const parsed = parseArgs({ ...config, options: { ...config.options, ...HELP }, strict: true });
    if ('help' in parsed.values && parsed.values.help) {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    return exitWithUsage(usage, error instanceof Error ? error.message : String(error));
  }
}

/** Arguments the script cannot run with: the problem and the usage on stderr, exit 2. */
export function exitWithUsage(usage: string, problem: string): never {
  process.stderr.write(`${problem}\n\n${usage}\n`);
  process.exit(2);
}
