import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: {
      curly: 'error',
      eqeqeq: 'error',
      'no-throw-literal': 'error',
      '@typescript-eslint/naming-convention': ['error', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // The house rule on size: no file over about 400 lines, no function over about 120 (code
    // lines: blank lines and comments not counted). Test files too, but not their describe blocks.
    files: ['src/**/*.ts', 'test/**/*.ts'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: true, skipComments: true }] },
  },
  {
    files: ['src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', { max: 120, skipBlankLines: true, skipComments: true }] },
  },
  {
    // The house rule, by folder: only the two wiring files (src/extension.ts, src/features.ts) and
    // files in a room's `vscode/` folder (the adapters) may reach the VS Code API or Node. Everything else in src/ is a pure core, tested on
    // plain Node and run in the browser as well.
    files: ['src/**/*.ts'],
    ignores: ['src/extension.ts', 'src/features.ts', 'src/*/vscode/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'Pure core: only src/extension.ts, src/features.ts and src/<room>/vscode/ may import the VS Code API.' },
            ...['fs', 'path', 'os', 'crypto', 'child_process'].map((name) => ({ name, message: 'Pure core: no Node built-ins (the browser bundle loads it too).' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'Pure core: no Node built-ins (the browser bundle loads it too).' },
            { group: ['**/vscode/*'], allowTypeImports: true, message: 'A pure core never imports an adapter (types only).' },
          ],
        },
      ],
    },
  },
);
