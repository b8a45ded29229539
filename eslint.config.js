// The project's boundaries, kept by the linter rather than by comments (see the README's Layout).
// Type checking is tsc's job; this config only parses TypeScript to read the imports.
import tseslint from 'typescript-eslint';

// Each group: gitignore-style patterns (a `!` entry re-allows a file) and why they are refused;
// `paths` adds exact module names (a folder's index cannot be a pattern and keep `!` entries inside it).
const restrict = (groups, paths = []) => ({
  'no-restricted-imports': ['error', { patterns: groups.map(([group, message]) => ({ group, message })), paths }],
});

const BROWSER = [['wxt/browser', 'wxt/*', '#i18n', '#imports'], 'utils/ is the pure core: it takes time, state and URLs as arguments and reads no browser API.'];
const UI = [['preact', 'preact/*', '@/components/*', '@/entrypoints/*'], 'utils/ knows no UI and no entry point: they import it, not the other way round.'];
const BACKGROUND = [['@/entrypoints/background/*'], 'Views and the panel talk to the background through the typed messages (utils/messages.ts), never by importing it.'];
const PAGE_HEAVY = [
  // The platform ids (types) are allowed; the catalog (index and the platform files) is not.
  ['valibot', 'tldts', '@/utils/settings/schema', '@/utils/settings/parse', '@/utils/backup', '@/utils/backup/*', '@/utils/platforms/*', '!@/utils/platforms/types', '@/utils/report/*', '@/utils/sync/*'],
  'The content script runs in every platform tab: it carries no catalog, schema or report code (the background sends it what it needs).',
];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results/**', 'docs/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  { files: ['utils/**/*.{ts,tsx}'], rules: restrict([BROWSER, UI]) },
  { files: ['components/**/*.{ts,tsx}', 'entrypoints/{popup,options,report}/**/*.{ts,tsx}'], rules: restrict([BACKGROUND]) },
  {
    files: ['entrypoints/panel.content/**/*.{ts,tsx}', 'components/SidePanel.tsx', 'components/panel/**/*.{ts,tsx}'],
    rules: restrict([BACKGROUND, PAGE_HEAVY], [{ name: '@/utils/platforms', message: PAGE_HEAVY[1] }]),
  },
);
