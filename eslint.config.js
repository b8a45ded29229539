// The project's boundaries, kept by the linter rather than by comments (see the README's Layout).
// Type checking is tsc's job; this config only parses TypeScript to read the imports.
import tseslint from 'typescript-eslint';

// Each group: gitignore-style patterns (a `!` entry re-allows a file) and why they are refused;
// `paths` adds exact module names (a folder's index cannot be a pattern and keep `!` entries inside it).
// A file gets one config of this rule (the last that matches): a file under two boundaries lists both.
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
const POPUP_HEAVY = [
  ['@/utils/backup/*', '!@/utils/backup/history', '@/utils/options-data', '@/utils/custom-host-check', 'tldts'],
  'The popup must paint at once: it carries no import, export or backup code, and loads tldts only on demand (import()).',
];
// The same for the utils the popup's dashboard is built from: of utils/backup/ only the history arithmetic.
const POPUP_UTILS_HEAVY = [
  [
    '@/utils/backup/*', '!@/utils/backup/history', '!@/utils/backup/merge', '!@/utils/backup/checks', '!@/utils/backup/source-id',
    './backup/*', '!./backup/history', '!./backup/source-id',
  ],
  'The popup loads this file: no import validation, backups or export through it (the backups\' storage item is in utils/backup/backups.ts).',
];
const BACKUP_BARREL = ['@/utils/backup', './backup'].map((name) => ({
  name, message: 'The popup loads this file: the backup barrel brings the import\'s validation, backups and export along; import the one file needed.',
}));
// One value through the settings barrel, from any module the popup loads, puts every settings edit
// into the chunk the popup shares with the options page (the bundler then follows all its re-exports).
const SETTINGS_BY_FILE = ['@/utils/settings', './settings'].map((name) => ({
  name, allowTypeImports: true, message: 'Import settings values from their own file (queries, validate, model…); types may come from the barrel.',
}));

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'bench/results/**', 'docs/**'] },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module' },
  },
  { files: ['utils/**/*.{ts,tsx}'], rules: restrict([BROWSER, UI]) },
  { files: ['components/**/*.{ts,tsx}', 'entrypoints/{popup,options,report}/**/*.{ts,tsx}'], rules: restrict([BACKGROUND]) },
  // The utils the popup's dashboard is built from.
  {
    files: [
      'utils/storage.ts', 'utils/dashboard.ts', 'utils/focus/*.ts', 'utils/report/{build,periods}.ts', 'utils/clients/membership.ts',
      'utils/sync/{view,fold,state}.ts', 'utils/backup/{history,merge,checks,format,source-id}.ts',
    ],
    rules: restrict([BROWSER, UI, POPUP_UTILS_HEAVY], [...BACKUP_BARREL, ...SETTINGS_BY_FILE]),
  },
  {
    files: [
      'entrypoints/popup/**/*.{ts,tsx}', 'components/DashboardApp.tsx', 'components/dashboard/**/*.{ts,tsx}',
      'components/HiddenPanels.tsx', 'components/MastodonOffer.tsx', 'components/mastodon-in-front.ts',
    ],
    rules: restrict([BACKGROUND, POPUP_HEAVY], [
      ...BACKUP_BARREL,
      { name: '@/utils/messages', allowTypeImports: true, message: 'The protocol\'s schemas stay with the background: views take its types (send() is typed).' },
      ...SETTINGS_BY_FILE,
    ]),
  },
  {
    files: ['entrypoints/panel.content/**/*.{ts,tsx}', 'components/SidePanel.tsx', 'components/panel/**/*.{ts,tsx}'],
    rules: restrict([BACKGROUND, PAGE_HEAVY], [{ name: '@/utils/platforms', message: PAGE_HEAVY[1] }]),
  },
);
