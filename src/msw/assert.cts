// A browser stand-in for `node:assert`, as far as the router (find-my-way) uses it: `assert(value, message)`,
// checked while routes are registered. Browser bundles of the msw entry alias `node:assert` to this file
// (`iamport-sandbox/msw/assert`); CommonJS because find-my-way `require`s it and calls the module itself.
function assert(value: unknown, message?: string): asserts value {
  if (!value) throw new Error(message ?? 'assertion failed');
}

export = assert;
