import reactHooks from 'eslint-plugin-react-hooks';
import baseConfig from '../../eslint.config.mjs';

export default [
  ...baseConfig,
  {
    files: ['**/*.ts', '**/*.tsx'],
    ...reactHooks.configs.flat['recommended-latest'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      // Shared code must not reach into features, and features must not reach into each other.
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/features/*/**'], message: 'Compose features in src/app, do not import across them.' }] },
      ],
    },
  },
];
