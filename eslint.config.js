import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Imports flow one way: core → worker / charts / ui → app. */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist', 'dist-*', 'node_modules', 'test-results', 'playwright-report', '.bench'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/main.tsx'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Never write innerHTML: user text must stay text.',
        },
        {
          selector: "AssignmentExpression[left.property.name='outerHTML']",
          message: 'Never write outerHTML: user text must stay text.',
        },
        {
          selector: "CallExpression[callee.property.name='html']",
          message: 'No d3 .html(): use .text().',
        },
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'No dangerouslySetInnerHTML: user text must stay text.',
        },
      ],
    },
  },
  layer(
    ['src/core/**'],
    ['**/worker/**', '**/charts/**', '**/ui/**', '@tensorflow/*', 'd3', 'react', 'react-dom'],
    'src/core is pure: no DOM, no TF.js, no React, no other layer (import d3 sub-packages only).',
  ),
  layer(
    ['src/worker/**'],
    ['**/charts/**', '**/ui/**', 'react', 'react-dom'],
    'The worker imports only core (and TF.js).',
  ),
  layer(
    ['src/charts/**'],
    ['**/ui/**', '**/worker/**', '@tensorflow/*', 'react', 'react-dom'],
    'Charts import only core and d3.',
  ),
  layer(
    ['src/ui/**'],
    ['@tensorflow/*', '**/worker/engines/**', '**/worker/worker*'],
    'The page talks to the worker only through src/worker/protocol.ts; TF.js lives in the worker.',
  ),
  {
    files: ['scripts/**', '*.config.{js,ts}', 'e2e/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
