/** A start-up failure the user can fix (a port in use): the CLI prints its message alone, without a stack. */
export class StartupError extends Error {
  override name = 'StartupError';
}

/** Turns a failed `listen` into what to do about it, naming the flag of the port; other errors are returned as they are. */
export function explainListenError(error: unknown, host: string, port: number, flag = '--port'): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return new StartupError(`port ${port} on ${host} is in use: stop what listens there, or pick another ${flag} (0 picks a free one)`);
  if (code === 'EACCES') return new StartupError(`no permission to listen on ${host}:${port}: pick a ${flag} above 1023`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') return new StartupError(`cannot listen on ${host}: it is no address of this machine (try --host 127.0.0.1 or 0.0.0.0)`);
  return error;
}
