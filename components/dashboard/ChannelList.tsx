import { useId, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import type { ChannelRow, PlatformRow } from '@/utils/dashboard';
import { formatDuration } from '@/utils/format';
import { BudgetMeter } from './BudgetMeter';
import { PlatformBadge } from '@/components/panel/PlatformBadge';
import { FlagIcon, accountLabel, badgeName, groupLabel } from './labels';

function OutsideFlag({ text }: { text: string }) {
  return <p class="cf-flag"><FlagIcon /><span>{text}</span></p>;
}

function AccountItem({ row, locale }: { row: ChannelRow; locale: string }) {
  const label = accountLabel(row);
  return (
    <li class="cf-account">
      <div class="cf-row">
        <span class="cf-name">{label}</span>
        <span class="cf-time">{formatDuration(row.totalMs, locale)}</span>
      </div>
      {row.outsideFocus && <OutsideFlag text={i18n.t('dashboard.flagOutside')} />}
      {row.budget && <BudgetMeter status={row.budget} label={i18n.t('dashboard.budgetOf', [label])} locale={locale} />}
    </li>
  );
}

function PlatformItem({ row, locale }: { row: PlatformRow; locale: string }) {
  const [expanded, setExpanded] = useState(false);
  const listId = useId();
  const label = groupLabel(row);
  // Only a built-in platform with at least one named account has a breakdown worth opening.
  const expandable = row.platform !== 'custom' && row.accounts.some((account) => account.channel?.account);
  return (
    <li class={`cf-channel${row.outsideFocus ? ' cf-outside' : ''}`}>
      <div class="cf-row">
        <PlatformBadge channel={row.channel} name={badgeName(row.channel)} size={20} />
        {expandable ? (
          <button
            type="button"
            class="cf-expand"
            aria-expanded={expanded}
            aria-controls={listId}
            onClick={() => setExpanded(!expanded)}
          >
            <span class="cf-chevron" aria-hidden="true" />
            {label}
          </button>
        ) : (
          <span class="cf-name">{label}</span>
        )}
        <span class="cf-time">{formatDuration(row.totalMs, locale)}</span>
      </div>
      {row.outsideFocus && <OutsideFlag text={i18n.t('dashboard.flagOutside')} />}
      {row.outsideAccounts > 0 && (
        <OutsideFlag text={i18n.t('dashboard.accountsOutside', row.outsideAccounts)} />
      )}
      {row.budget && <BudgetMeter status={row.budget} label={i18n.t('dashboard.budgetOf', [label])} locale={locale} />}
      {expandable && (
        <ul id={listId} class="cf-accounts" hidden={!expanded}>
          {expanded && row.accounts.map((account) => <AccountItem key={account.key} row={account} locale={locale} />)}
        </ul>
      )}
    </li>
  );
}

/** Today's channels, ranked by time, each with its flag, budget and account breakdown. */
export function ChannelList({ platforms, locale }: { platforms: readonly PlatformRow[]; locale: string }) {
  return (
    <ol class="cf-channels">
      {platforms.map((row) => <PlatformItem key={row.key} row={row} locale={locale} />)}
    </ol>
  );
}
