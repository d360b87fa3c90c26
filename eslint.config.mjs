import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

/**
 * `npm run lint` (part of `npm test`). Next's recommended and Core Web Vitals rules,
 * which bring the React and React hooks rules, typescript-eslint's recommended rules,
 * and drizzle's guard against an UPDATE or DELETE without WHERE. `--max-warnings 0`:
 * a warning fails the run too, so none is left unexplained; an `eslint-disable` needs
 * a `-- reason`.
 */
const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    name: 'wbs/drizzle',
    files: ['**/*.{ts,tsx,mts}'],
    plugins: { drizzle },
    rules: {
      // The names our code gives a drizzle database or transaction. Other receivers
      // (Map#delete, the blob store, cipher.update) are not drizzle and stay unchecked.
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
  {
    name: 'wbs/rules',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    name: 'wbs/ignores',
    ignores: ['data/**', 'tests/.tmp/**', 'playwright-report/**', 'test-results/**', 'drizzle/**'],
  },
];

export default config;
