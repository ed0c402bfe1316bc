// Lint configuration: typescript-eslint's recommended rules over the library, tests, benchmarks, tools and
// the plain-JavaScript set-up scripts in environment/ (ES modules, and the CommonJS kernel launcher).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'reports/**', 'data/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // the kernel launcher is CommonJS: tslab and zeromq are loaded with require from tslab's own folder
    files: ['environment/**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
