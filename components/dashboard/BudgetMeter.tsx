import { i18n } from '#i18n';
import type { BudgetStatus } from '@/utils/focus';
import { formatDuration } from '@/utils/format';

const MINUTE = 60_000;

/**
 * A daily budget as a meter: the bar fills to the budget and turns striped once it is used up;
 * the text says used / budget (and how far over), so the state never depends on colour.
 */
export function BudgetMeter({ status, label, locale, showLabel = false }: {
  status: BudgetStatus; label: string; locale: string;
  /** Write the name next to the bar (rows need none: the channel's name is right above). */
  showLabel?: boolean;
}) {
  const used = formatDuration(status.usedMs, locale);
  const budget = formatDuration(status.budgetMs, locale);
  const text = status.exceeded
    ? i18n.t('dashboard.budgetOver', [used, budget, formatDuration(status.usedMs - status.budgetMs, locale)])
    : i18n.t('dashboard.budgetUsed', [used, budget]);
  const budgetMinutes = Math.round(status.budgetMs / MINUTE);
  return (
    <div class={`cf-budget${status.exceeded ? ' cf-budget-over' : ''}`}>
      {showLabel && <span class="cf-budget-label" aria-hidden="true">{label}</span>}
      <div
        class="cf-budget-track"
        role="meter"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={budgetMinutes}
        aria-valuenow={Math.min(budgetMinutes, Math.floor(status.usedMs / MINUTE))}
        aria-valuetext={text}
      >
        <div class="cf-budget-fill" style={{ width: `${Math.min(1, status.fraction) * 100}%` }} />
      </div>
      <span class="cf-budget-text" aria-hidden="true">{text}</span>
    </div>
  );
}
