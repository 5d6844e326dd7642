import type { SetupServer } from 'msw/node';

type Print = { error(): void };
type ListenOptions = NonNullable<Parameters<SetupServer['listen']>[0]>;

/**
 * `server.listen` options that react to a request no handler took, under either msw major: msw 2 calls
 * `onUnhandledRequest(request, print)`, msw 3 calls `onUnhandledFrame({ frame, defaults })` (and ignores the former).
 */
export function onUnhandled(react: (request: Request, print: Print) => void): ListenOptions {
  const onUnhandledFrame = ({ frame, defaults }: { frame: { data?: { request?: unknown } }; defaults: Print }) => {
    const request = frame.data?.request;
    if (request instanceof Request) react(request, defaults);
  };
  return { onUnhandledRequest: react, onUnhandledFrame } as ListenOptions;
}
