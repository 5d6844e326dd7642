import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// The core and the contract run in browsers too (the msw door), so they may not reach for Node or a server.
const isomorphic = {
  patterns: [
    { group: ['node:*'], message: 'src/core and src/contract are isomorphic: no node: modules.' },
    { group: ['fastify', 'fastify/*', '@fastify/*'], message: 'Fastify belongs to src/http.' },
    { group: ['msw', 'msw/*'], message: 'msw belongs to src/msw.' },
    { group: ['lowdb/node'], message: 'The file store belongs to src/storage.' },
    { group: ['**/http/**', '**/msw/**', '**/storage/**', '**/server/**'], message: 'Dependencies point inward.' },
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
  { files: ['src/core/**', 'src/contract/**', 'src/api/**'], rules: { 'no-restricted-imports': ['error', isomorphic] } },
  {
    files: ['src/msw/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: isomorphic.patterns.filter((p) => !p.group.includes('msw')).map((p) => p.group.includes('**/msw/**') ? { ...p, group: ['**/http/**', '**/storage/**', '**/server/**'] } : p) },
      ],
    },
  },
);
