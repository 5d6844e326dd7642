import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core and the contract run in browsers too (the msw door), so they may not reach for Node or a server.
const noNode = { group: ['node:*'], message: 'src/core and src/contract are isomorphic: no node: modules.' };
const noFastify = { group: ['fastify', 'fastify/*', '@fastify/*'], message: 'Fastify belongs to src/http.' };
const noMsw = { group: ['msw', 'msw/*'], message: 'msw belongs to src/msw.' };
const noFileStore = { group: ['lowdb/node'], message: 'The file store belongs to src/storage.' };
// Dependencies point inward. An import path holds no `src/` to anchor on: the doors' and adapters' folders are
// matched by name, and src/server.ts, src/config.ts and src/cli(-main).ts as any number of `../` leading up to them.
const noDoors = {
  group: ['**/http/**', '**/msw/**', '**/storage/**', '**/outbound/**'],
  message: 'Dependencies point inward: the doors, the store and the webhook transport are outside.',
};
const entryPoints = ['server', 'config', 'cli', 'cli-main'];
const edge = (names) => ({ regex: `^(\\.\\./)+(${names.join('|')})(\\.[jt]s)?$`, message: `Dependencies point inward: ${names.join(', ')} are the edge.` });
const noEntryPoints = edge(entryPoints);

// src/index.ts is composition too (it picks the fixtures and the fetch transport); only the msw door builds on it.
const isomorphic = { patterns: [noNode, noFastify, noMsw, noFileStore, noDoors, edge([...entryPoints, 'index'])] };
// The msw door runs in a browser beside the http door: msw is its own, the other door and the file store are not.
const mswDoor = {
  patterns: [noNode, noFastify, noFileStore, { group: ['**/http/**', '**/storage/**'], message: 'Dependencies point inward: the other door and the store are outside.' }, noEntryPoints],
};

// The browser modules (src/browser) are bundled into the pages' scripts: nothing of a server, a door or a store,
// and only the types of the contract and the core (their values bring TypeBox and the rules into the bundle).
const browserModules = {
  patterns: [
    { ...noNode, message: 'src/browser runs in a browser: no node: modules.' },
    noFastify,
    noMsw,
    { group: ['lowdb', 'lowdb/*'], message: 'The store belongs to src/storage.' },
    { group: ['**/http/**', '**/msw/**', '**/storage/**', '**/outbound/**', '**/api/**'], message: 'src/browser talks to the sandbox over HTTP only.' },
    edge([...entryPoints, 'index']),
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tap/**', 'openapi/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  // Tests read JSON answers whose shape they assert on; typing each one would add nothing.
  { files: ['test/**', 'bench/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // An argument list spread from data (push(...records), Math.max(...amounts)) overflows the call stack once the
  // data grows to a few hundred thousand items: a loop costs nothing more, so no call in src/ spreads its arguments.
  {
    files: ['src/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: 'CallExpression > SpreadElement, NewExpression > SpreadElement', message: 'No argument list spread from data: it overflows the stack at scale; loop instead.' },
      ],
    },
  },
  // A function a reader takes in at once; a longer one is a sequence of steps that want names of their own.
  { files: ['src/**'], rules: { 'max-lines-per-function': ['error', { max: 50, skipBlankLines: true, skipComments: true }] } },
  { files: ['src/core/**', 'src/contract/**', 'src/api/**'], rules: { 'no-restricted-imports': ['error', isomorphic] } },
  { files: ['src/msw/**'], rules: { 'no-restricted-imports': ['error', mswDoor] } },
  {
    files: ['src/browser/**'],
    rules: {
      'no-restricted-imports': ['error', browserModules],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/contract/**', '**/core/**'], allowTypeImports: true, message: 'src/browser imports only types of the contract and the core.' }] },
      ],
    },
  },
);
