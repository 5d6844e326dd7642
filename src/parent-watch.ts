/** How often the parent is looked for, in milliseconds: a system call each time, so cheap. */
const EVERY_MS = 200;

/**
 * Calls `onGone` once the process that started this one has exited. npm (`npm start`, `npx`, an npm script) starts
 * the CLI through `sh -c`, which does not exec it: a `kill` of npm's PID reaches npm and the shell, never this
 * process, which would go on serving, orphaned. Once the shell is gone this process has a new parent, and stops.
 */
export function onParentExit(onGone: () => void): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(timer);
    onGone();
  }, EVERY_MS);
  // Never what keeps the process alive.
  timer.unref();
}
