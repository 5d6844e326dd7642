import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { KitUsageError } from './conformance-args.js';
import type { Io } from './conformance-command.js';
import { createRecorder } from './recorder.js';
import { recordingFile } from './recording.js';

const recordUsage = `Usage: iamport-sandbox record --upstream URL --out DIR [--port P] [--host HOST]

A forwarding proxy: point your backend at it instead of the upstream (e.g. https://api.iamport.kr). It forwards
every request unchanged, answers with the upstream's answer and appends the redacted exchange to
DIR/exchanges.jsonl. Stop it with Ctrl-C; then \`iamport-sandbox replay DIR\` replays it against a fresh sandbox.
`;

function options(argv: readonly string[]) {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { upstream: { type: 'string' }, out: { type: 'string' }, port: { type: 'string' }, host: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    return values;
  } catch (error) {
    throw new KitUsageError((error as Error).message);
  }
}

export async function recordCommand(argv: readonly string[], io: Io): Promise<number> {
  const values = options(argv);
  if (values.help) {
    io.out(recordUsage);
    return 0;
  }
  if (values.upstream === undefined || !URL.canParse(values.upstream)) throw new KitUsageError('--upstream must be an absolute URL, e.g. https://api.iamport.kr');
  if (values.out === undefined) throw new KitUsageError('--out DIR is required: where the recording goes');
  const port = Number(values.port ?? '0');
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new KitUsageError(`--port must be 0-65535, got "${values.port}"`);
  const recorder = createRecorder(values.upstream, values.out);
  recorder.server.listen(port, values.host ?? '127.0.0.1');
  await once(recorder.server, 'listening');
  const address = recorder.server.address() as AddressInfo;
  io.out(`recording ${values.upstream} on http://${values.host ?? '127.0.0.1'}:${address.port} into ${recordingFile(values.out)} (Ctrl-C stops)\n`);
  await new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  recorder.server.closeAllConnections();
  recorder.server.close();
  await recorder.flushed();
  io.out('recording stopped\n');
  return 0;
}
