import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

const noUi = ['ink', 'react', 'react/*', '@inkjs/*'];
const noEffects = ['node:fs', 'node:fs/*', 'fs', '@aws-sdk/*'];

export default tseslint.config(
  {ignores: ['dist/', 'node_modules/', 'coverage/']},
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {parserOptions: {projectService: {allowDefaultProject: ['*.js', 'scripts/*.mjs', 'bench/*.mjs']}, tsconfigRootDir: import.meta.dirname}},
    plugins: {'react-hooks': reactHooks},
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/exhaustive-deps': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', {argsIgnorePattern: '^_'}],
      'no-control-regex': 'off',
    },
  },
  {files: ['src/**'], ignores: ['src/cli.tsx'], rules: {'no-console': 'error'}},
  // Layers (STYLE.md §7.2): pure code imports no UI, no file system and no AWS SDK.
  {
    files: ['src/walkthrough/**', 'src/keys/**', 'src/events/**', 'src/runbooks/**', 'src/aws/render/**', 'src/aws/now/**', 'src/findings/**', 'src/aws/sandbox/**', 'src/aws/cloudtrail/rate-limiter.ts', 'src/aws/cloudtrail/since.ts', 'src/aws/*.ts', 'src/text/**', 'src/plan/**', 'src/report/**', 'src/journal/from-state.ts', 'src/journal/replay.ts', 'src/journal/entry.ts', 'src/scenarios/parse.ts', 'src/scenarios/variant.ts', 'src/scenarios/schema.ts', 'src/triage/record-splitter.ts', 'src/triage/filter.ts', 'src/triage/rank.ts', 'src/triage/time-bound.ts', 'src/triage/triage-json.ts', 'src/triage/triage-md.ts'],
    ignores: ['src/events/read-input.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {patterns: [{group: [...noUi, ...noEffects], message: 'pure layer: no UI, file system or AWS SDK here', allowTypeImports: true}]}],
    },
  },
  // Screens render state: no executors, no SDK.
  {
    files: ['src/screens/**', 'src/components/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {patterns: [{group: ['@aws-sdk/*', '**/aws/executors/*.js', '!**/aws/executors/executor.js'], message: 'screens never call AWS'}]}],
    },
  },
  {files: ['**/*.js', '**/*.mjs'], ...tseslint.configs.disableTypeChecked},
  {files: ['bench/**', 'scripts/**'], languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly'}}},
);
