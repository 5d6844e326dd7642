import { KitUsageError } from './conformance-args.js';
import { conformanceCommand, type Io } from './conformance-command.js';
import { recordCommand } from './record-command.js';
import { replayCommand } from './replay-command.js';

// The conformance kit's subcommands, each parsing its own flags, so the CLI only dispatches to them.

const COMMANDS: Record<string, (argv: readonly string[], io: Io) => Promise<number>> = {
  conformance: conformanceCommand,
  record: recordCommand,
  replay: replayCommand,
};

/** The exit code of the kit command `argv` names, or null when `argv` names none (the server's own CLI then runs). */
export function runKit(argv: readonly string[]): Promise<number> | null {
  const command = COMMANDS[argv[0] ?? ''];
  if (!command) return null;
  const io: Io = { out: (text) => process.stdout.write(text), err: (text) => process.stderr.write(text), env: process.env };
  return command(argv.slice(1), io).catch((error: unknown) => {
    io.err(`iamport-sandbox ${argv[0]}: ${error instanceof KitUsageError ? error.message : ((error as Error).stack ?? String(error))}\n`);
    return 2;
  });
}
