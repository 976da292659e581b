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
    // Pure modules must not reach the VS Code API: they are tested on plain Node and run in the browser.
    files: [
      'src/content/language.ts', 'src/content/sections.ts', 'src/content/lesson.ts', 'src/content/tips.ts',
      'src/lesson/messages.ts', 'src/lesson/pageShell.ts', 'src/lesson/render.ts', 'src/lesson/progressCore.ts',
      'src/lesson/pageMessageHandler.ts', 'src/lesson/teamNotes.ts', 'src/lesson/namedEntities.ts', 'src/lesson/linkifyDisabled.ts',
      'src/tips/sectionTitles.ts',
      'src/plan/templates.ts', 'src/plan/snippet.ts', 'src/plan/merge.ts', 'src/plan/slug.ts', 'src/plan/checker.ts',
      'src/tips/schedule.ts', 'src/webview/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['vscode', 'node:*', 'fs', 'path', 'os', 'crypto'] }],
    },
  },
);
