import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { contentScriptExcludeMatches, contentScriptMatches } from './utils/channels';

export const GECKO_ID = 'channel-focus@channel-focus.app';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({
    plugins: [preact()],
    // The palette's light-dark() ships as written (Chrome 123, Firefox 120): no per-element fallback variables.
    build: { cssTarget: ['chrome123', 'firefox142'] },
    resolve: {
      alias: [
        // The panel's own content-script context: WXT's announces each script start to the page
        // (postMessage with our id) and can be switched off by a page's forged event.
        { find: /^wxt\/utils\/content-script-context$/, replacement: fileURLToPath(new URL('./entrypoints/panel.content/script-context.ts', import.meta.url)) },
      ],
    },
  }),
  // Our own scripts start the browsers (tests, npm start), never `wxt`.
  webExt: { disabled: true },
  // The bench builds into its own folder, so a build running meanwhile cannot swap its extension.
  outDir: process.env.CF_OUT_DIR ?? '.output',
  zip: { artifactTemplate: '{{name}}-{{version}}-{{browser}}.zip', sourcesTemplate: '{{name}}-{{version}}-sources.zip' },
  hooks: {
    'build:manifestGenerated': (_wxt, manifest) => {
      for (const script of manifest.content_scripts ?? []) {
        if (!script.js?.includes('content-scripts/panel.js')) continue;
        script.matches = contentScriptMatches();
        script.exclude_matches = contentScriptExcludeMatches();
      }
    },
  },
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Channel Focus',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    icons: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 96: 'icon/96.png', 128: 'icon/128.png' },
    action: { default_title: '__MSG_extName__', default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    commands: { 'toggle-panel': { suggested_key: { default: 'Alt+Shift+F' }, description: '__MSG_panel_shortcut__' } },
    // storage: settings and history; idle: stop counting when the user is away or the screen locks;
    // alarms: the batched write and the daily clean-up survive a sleeping service worker;
    // scripting: the panel on the user's own channels (custom hosts), registered at runtime.
    // activeTab: when the user opens the popup, it may ask the page in front whether it is a
    // Mastodon instance (no install warning; nothing is read without that click).
    // unlimitedStorage: Chrome's storage.local holds 10 MB without it; no install warning in either browser.
    permissions: ['storage', 'unlimitedStorage', 'idle', 'alarms', 'scripting', 'activeTab'],
    // Generated from the platform catalog, like the content script's matches.
    host_permissions: contentScriptMatches(),
    // A custom channel's host is asked for when the user adds it, one host at a time; WXT drops
    // optional_host_permissions from MV2 builds, where the same goes into optional_permissions.
    // notifications: the flag's notification, asked for when the user turns it on.
    ...(browser === 'firefox'
      ? { optional_permissions: ['*://*/*', 'notifications'] }
      : { optional_host_permissions: ['*://*/*'], optional_permissions: ['notifications'] }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { minimum_chrome_version: '123' }),
  }),
});
