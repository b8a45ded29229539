import { platformTable, type UrlRow } from './table';

const ROWS: UrlRow[] = [
  ['https://discord.com/channels/123456789012345678/234567890123456789', 'discord:123456789012345678'],
  ['https://discord.com/channels/123456789012345678/234567890123456789/345678901234567890', 'discord:123456789012345678'],
  ['https://ptb.discord.com/channels/123456789012345678/234567890123456789', 'discord:123456789012345678'],
  ['https://discord.com/channels/@me', 'discord'],
  ['https://discord.com/channels/@me/234567890123456789', 'discord'],
  ['https://discord.com/app', 'discord'],
  ['https://discord.com/invite/acme', 'discord'],
  ['https://support.discord.com/hc/en-us', 'discord'],
];

platformTable('discord', ROWS);
