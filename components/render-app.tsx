import { render, type ComponentChild } from 'preact';
import { i18n } from '#i18n';

/** Mounts a view and gives the document the UI language the browser chose for us. */
export function renderApp(app: ComponentChild): void {
  document.documentElement.lang = i18n.t('langCode');
  document.title = i18n.t('extName');
  render(app, document.getElementById('app')!);
}
