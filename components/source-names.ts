import { i18n } from '#i18n';
import { send } from '@/components/send';
import { LIMITS, renameSource, type Settings } from '@/utils/settings';

/** Saves whole settings; resolves to why it failed, or null. */
export type SaveSettings = (next: Settings) => Promise<string | null>;

/** The settings save as a command to the background (the one writer). */
const sendSettingsSave: SaveSettings = async (next) => {
  try {
    const reply = await send({ type: 'settings-save', settings: next });
    return reply.ok ? null : reply.error;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
};

/**
 * Gives a browser (an imported source or a synced device: both are named by their source id) the
 * user's name for it; an empty name goes back to the default. Resolves to an error message in
 * words, or null when saved. The report's columns and the options page's devices use this.
 */
export async function saveSourceName(
  settings: Settings, sourceId: string, name: string, save: SaveSettings = sendSettingsSave,
): Promise<string | null> {
  const result = renameSource(settings, sourceId, name);
  if (!result.ok) {
    return result.code === 'name-too-long'
      ? i18n.t('report.sources.nameTooLong', [String(LIMITS.sourceNameMaxLength)])
      : i18n.t('report.sources.saveFailed', [result.code]);
  }
  const problem = await save(result.settings);
  return problem === null ? null : i18n.t('report.sources.saveFailed', [problem]);
}
