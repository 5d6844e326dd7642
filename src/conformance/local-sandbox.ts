import { loadConfig } from '../config.js';
import { startServer, type RunningServer } from '../server.js';

/** A fresh in-process sandbox on a free loopback port, with the shipped merchants: the target when no --base is given. */
export function startLocalSandbox(): Promise<RunningServer> {
  return startServer(loadConfig(['--port', '0', '--log-level', 'silent'], {}));
}
