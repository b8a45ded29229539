import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { i18n } from '#i18n';
import { BudgetMeter } from '@/components/dashboard/BudgetMeter';
import type { BudgetStatus } from '@/utils/focus';
import { formatDuration, formatPercent, formatTime } from '@/utils/format';
import type { PanelPlacementView, PanelView } from '@/utils/messages';
import { FoldIcon, GripIcon, PauseIcon, StatusIcon, SwapIcon, type StatusTone } from './panel/icons';
import { LiveClock, elapsedSinceView } from './panel/LiveClock';
import { PauseScreen } from './panel/PauseScreen';
import { PlatformBadge } from './panel/PlatformBadge';
import type { PanelTheme } from './panel/theme';

/** The quick action's snooze: long enough to finish a task, short enough not to forget the flag. */
export const SNOOZE_MINUTES = 15;
/** Arrow keys move the panel by this share of the window; Page Up / Down by four times as much. */
const KEY_STEP = 0.05;
/** Keyboard moves are saved once the keys rest, not once per key press. */
const KEY_COMMIT_MS = 400;

export type PlacementChange = Partial<Pick<PanelPlacementView, 'collapsed' | 'hidden' | 'top' | 'edge'>>;
export type PanelAction = 'add-to-focus' | 'snooze' | 'open-report' | 'open-options';

export interface SidePanelProps {
  view: PanelView;
  placement: PanelPlacementView;
  theme: PanelTheme;
  locale: string;
  /** The zone times of day are written in; the system's when not given (looked up only when needed). */
  timeZone?: string;
  /** The page's last input, read at render time: the live counter stops where presence would end. */
  lastInputAt: () => number | null;
  onPlacement(change: PlacementChange): void;
  /** `minutes` with `snooze`: how long the pause screen's choice quiets the flag (the quick action's default otherwise). */
  onAction(action: PanelAction, minutes?: number): void;
  /** The user's choice `settings.flags.pauseScreen`: a flagged channel asks why and for how long first. */
  pauseScreen?: boolean;
  /** Changes when the keyboard shortcut opened the panel: focus moves into it. */
  focusRequest?: number;
  clock?: () => number;
}

let systemZone: string | undefined;
/** The system's time zone, resolved once and only when a time of day is written (it is not free). */
function localTimeZone(): string {
  systemZone ??= Intl.DateTimeFormat().resolvedOptions().timeZone;
  return systemZone;
}

/** The status line: one of three fixed texts (plus the calm "no specialization"), its tone and icon. */
function panelStatus(view: PanelView): { text: string; tone: StatusTone } {
  switch (view.focus?.status) {
    case 'in-focus':
      return { text: i18n.t('panel.status.inFocus'), tone: 'in' };
    case 'outside':
      return { text: i18n.t('panel.status.outside'), tone: view.flagged ? 'out' : 'snoozed' };
    case 'no-specialization':
      return { text: i18n.t('panel.status.noSpecialization'), tone: 'neutral' };
    default:
      return { text: i18n.t('panel.status.notTracked'), tone: 'off' };
  }
}

/** The live indicator: counting, or why not. Null when the tracker has not seen this tab yet. */
function liveState(view: PanelView, locale: string, timeZone?: string): { counting: boolean; text: string } | null {
  if (view.counting) return { counting: true, text: i18n.t('panel.live.counting') };
  const pausedText = () => view.pausedUntil !== null
    ? i18n.t('panel.paused.pausedUntil', [formatTime(view.pausedUntil, locale, timeZone ?? localTimeZone())])
    : i18n.t('panel.paused.paused');
  if (view.focus?.status === 'not-tracked') {
    switch (view.focus.reason) {
      case 'paused': return { counting: false, text: pausedText() };
      case 'excluded': return { counting: false, text: i18n.t('panel.paused.excluded') };
      case 'after-hours': return { counting: false, text: i18n.t('panel.paused.afterHours') };
    }
  }
  switch (view.reason) {
    case 'idle': return { counting: false, text: i18n.t('panel.paused.idle') };
    case 'hidden': return { counting: false, text: i18n.t('panel.paused.hidden') };
    case 'unfocused': return { counting: false, text: i18n.t('panel.paused.unfocused') };
    case 'paused': return { counting: false, text: pausedText() };
    default: return null;
  }
}

/** A line under the status when it needs one: a running snooze, after-hours time, no focus at all. */
function statusNote(view: PanelView, locale: string, timeZone?: string): string | null {
  const focus = view.focus;
  if (focus?.status === 'outside' && view.snoozedUntil !== null) {
    return i18n.t('panel.note.snoozedUntil', [formatTime(view.snoozedUntil, locale, timeZone ?? localTimeZone())]);
  }
  if ((focus?.status === 'in-focus' || focus?.status === 'outside') && focus.afterHours) return i18n.t('panel.note.afterHoursNow');
  if (focus?.status === 'no-specialization') return i18n.t('panel.note.noSpecialization');
  return null;
}

/** The budget as of now: the view's figure plus the time counted since (it is all on this channel). */
function liveBudget(budget: BudgetStatus, elapsed: number): BudgetStatus {
  const usedMs = budget.usedMs + elapsed;
  return { budgetMs: budget.budgetMs, usedMs, leftMs: Math.max(0, budget.budgetMs - usedMs), exceeded: usedMs >= budget.budgetMs, fraction: usedMs / budget.budgetMs };
}

const clampShare = (value: number) => Math.round(Math.min(1, Math.max(0, value)) * 1000) / 1000;

/**
 * The in-page side panel: the channel, today's time on it, its focus status and the quick
 * actions of a flagged channel; or, collapsed, a small tab at the screen edge. It only shows what
 * the background sent and reports the user's choices through `onPlacement` / `onAction`.
 */
export function SidePanel(props: SidePanelProps) {
  const { view, placement, theme, locale, timeZone, onPlacement, onAction } = props;
  const clock = props.clock ?? Date.now;
  /** The position while the user drags or steps with the keys; saved when they stop. */
  const [movingTop, setMovingTop] = useState<number | null>(null);
  const dockRef = useRef<HTMLDivElement>(null);
  const tabRef = useRef<HTMLButtonElement>(null);
  const collapseRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'tab' | 'collapse' | null>(null);
  const drag = useRef<{ pointerId: number; startY: number; startTop: number; range: number } | null>(null);
  const keyCommit = useRef<{ timer: ReturnType<typeof setTimeout>; top: number } | null>(null);
  const onPlacementRef = useRef(onPlacement);
  onPlacementRef.current = onPlacement;
  const collapsed = placement.collapsed;
  /** The channel whose pause screen was answered or dismissed; it asks again once the flag has been lifted. */
  const [pauseDone, setPauseDone] = useState<string | null>(null);
  const pauseKey = view.label ?? '';
  const showPause = props.pauseScreen === true && view.flagged && pauseDone !== pauseKey;

  // Layout effects: focus moves in the same task as the render, before anything else can take it.
  useLayoutEffect(() => {
    if (props.focusRequest) focusNext.current = collapsed ? 'tab' : 'collapse';
  }, [props.focusRequest]);

  // Focus follows the control the user used, so a keyboard user is never left on a removed button.
  useLayoutEffect(() => {
    const target = focusNext.current === 'tab' ? tabRef.current : focusNext.current === 'collapse' ? collapseRef.current : null;
    focusNext.current = null;
    target?.focus();
  });

  // A snooze ends, the channel is added to the focus: the next flag on it asks again.
  useEffect(() => {
    if (!view.flagged) setPauseDone(null);
  }, [view.flagged]);

  // A keyboard move still waiting to be saved is saved when the panel goes away.
  useEffect(() => () => {
    const pending = keyCommit.current;
    if (pending) {
      clearTimeout(pending.timer);
      onPlacementRef.current({ top: pending.top });
    }
  }, []);

  const status = panelStatus(view);
  const top = movingTop ?? placement.top;
  const other = placement.edge === 'right' ? 'left' : 'right';
  const dockStyle = `--top:${top}`;
  const dockClass = `dock edge-${placement.edge} theme-${theme}`;

  if (showPause) {
    // The pause screen names the channel on one line: the label the background made (channelLabel).
    return (
      <div class={dockClass} style={dockStyle} ref={dockRef}>
        <aside class="shell" aria-label={i18n.t('panel.label')}>
          <PauseScreen
            name={view.label ?? ''}
            onContinue={(minutes) => {
              setPauseDone(pauseKey);
              focusNext.current = collapsed ? 'tab' : 'collapse';
              onAction('snooze', minutes);
            }}
            onDismiss={() => {
              setPauseDone(pauseKey);
              focusNext.current = 'tab';
              if (!collapsed) onPlacement({ collapsed: true });
            }}
          />
        </aside>
      </div>
    );
  }

  if (collapsed) {
    const label = i18n.t('panel.controls.expand', [status.text]);
    return (
      <div class={dockClass} style={dockStyle} ref={dockRef}>
        <aside class="shell" aria-label={i18n.t('panel.label')}>
          <button
            type="button" ref={tabRef} class={`tab tone-${status.tone}`} aria-expanded="false" aria-label={label} title={label}
            onClick={() => { focusNext.current = 'collapse'; onPlacement({ collapsed: false }); }}
          >
            <StatusIcon tone={status.tone} size={18} />
          </button>
        </aside>
      </div>
    );
  }

  // The figures other than the clock are as of this render: each view (every few seconds while
  // the user is there) renders them anew.
  const elapsed = elapsedSinceView(view, clock(), props.lastInputAt());
  const note = statusNote(view, locale, timeZone);
  const live = liveState(view, locale, timeZone);
  const afterHoursNow = (view.focus?.status === 'in-focus' || view.focus?.status === 'outside') && view.focus.afterHours;
  const afterHoursMs = view.afterHoursMs + (afterHoursNow ? elapsed : 0);
  const name = view.platformName ?? view.label ?? '';

  const moveBy = (delta: number | 'start' | 'end') => {
    const next = clampShare(delta === 'start' ? 0 : delta === 'end' ? 1 : top + delta);
    setMovingTop(next);
    if (keyCommit.current) clearTimeout(keyCommit.current.timer);
    keyCommit.current = {
      top: next,
      timer: setTimeout(() => {
        keyCommit.current = null;
        setMovingTop(null);
        onPlacementRef.current({ top: next });
      }, KEY_COMMIT_MS),
    };
  };

  const onGripKey = (event: JSX.TargetedKeyboardEvent<HTMLElement>) => {
    const moves: Record<string, number | 'start' | 'end'> = {
      ArrowUp: -KEY_STEP, ArrowDown: KEY_STEP, PageUp: -4 * KEY_STEP, PageDown: 4 * KEY_STEP, Home: 'start', End: 'end',
    };
    const move = moves[event.key];
    if (move === undefined) return;
    event.preventDefault();
    moveBy(move);
  };

  const onGripDown = (event: JSX.TargetedPointerEvent<HTMLElement>) => {
    if (event.button !== 0) return;
    const height = dockRef.current?.getBoundingClientRect().height ?? 0;
    drag.current = { pointerId: event.pointerId, startY: event.clientY, startTop: top, range: Math.max(1, window.innerHeight - height) };
    event.currentTarget.setPointerCapture?.(event.pointerId);
    event.preventDefault();
  };
  const dragTo = (event: JSX.TargetedPointerEvent<HTMLElement>) => {
    const current = drag.current;
    return current && current.pointerId === event.pointerId ? clampShare(current.startTop + (event.clientY - current.startY) / current.range) : null;
  };
  const onGripMove = (event: JSX.TargetedPointerEvent<HTMLElement>) => {
    const next = dragTo(event);
    if (next !== null) setMovingTop(next);
  };
  const onGripUp = (event: JSX.TargetedPointerEvent<HTMLElement>) => {
    const next = dragTo(event);
    if (next === null) return;
    drag.current = null;
    setMovingTop(null);
    if (next !== placement.top) onPlacement({ top: next });
  };
  const onGripCancel = () => {
    drag.current = null;
    setMovingTop(null);
  };

  const moveLabel = i18n.t(other === 'left' ? 'panel.controls.moveLeft' : 'panel.controls.moveRight');
  const collapseLabel = i18n.t('panel.controls.collapse');
  const percentFromTop = String(Math.round(top * 100));

  return (
    <div class={dockClass} style={dockStyle} ref={dockRef}>
      <aside class={`shell panel tone-${status.tone}${view.flagged ? ' flagged' : ''}`} aria-label={i18n.t('panel.label')}>
        <div class="bar">
          <span
            class="grip" role="slider" tabIndex={0} aria-label={i18n.t('panel.controls.position')} aria-orientation="vertical"
            aria-valuemin={0} aria-valuemax={100} aria-valuenow={100 - Number(percentFromTop)}
            aria-valuetext={i18n.t('panel.controls.positionValue', [percentFromTop])}
            onKeyDown={onGripKey} onPointerDown={onGripDown} onPointerMove={onGripMove} onPointerUp={onGripUp} onPointerCancel={onGripCancel}
          >
            <GripIcon />
          </span>
          <span class="brand">{i18n.t('extName')}</span>
          <button type="button" class="icon-button" aria-label={moveLabel} title={moveLabel} onClick={() => onPlacement({ edge: other })}>
            <SwapIcon />
          </button>
          <button
            type="button" ref={collapseRef} class="icon-button" aria-expanded="true" aria-label={collapseLabel} title={collapseLabel}
            onClick={() => { focusNext.current = 'tab'; onPlacement({ collapsed: true }); }}
          >
            <FoldIcon edge={placement.edge} />
          </button>
        </div>

        <div class="channel">
          {view.channel && <PlatformBadge channel={view.channel} name={name} size={24} />}
          <div class="names">
            <p class="platform">{name}</p>
            {view.account && <p class="account">{view.account}</p>}
            {view.client && (
              <p class="client">
                <span class="swatch" style={{ background: view.client.color }} aria-hidden="true" />
                {i18n.t('panel.client', [view.client.name])}
              </p>
            )}
          </div>
        </div>

        <p class={`status tone-${status.tone}`} role="status">
          <StatusIcon tone={status.tone} />
          <span>{status.text}</span>
        </p>
        {note && <p class="note">{note}</p>}

        <dl class="figures">
          <div class="figure">
            <dt>{i18n.t('panel.today')}</dt>
            <LiveClock view={view} lastInputAt={props.lastInputAt} clock={clock} locale={locale} />
          </div>
          {(afterHoursMs > 0 || afterHoursNow) && (
            <div class="figure">
              <dt>{i18n.t('panel.afterHours')}</dt>
              <dd>{formatDuration(afterHoursMs, locale)}</dd>
            </div>
          )}
          {view.focusShare !== null && (
            <div class="figure">
              <dt>{i18n.t('panel.focusShare')}</dt>
              <dd>{formatPercent(view.focusShare, locale)}</dd>
            </div>
          )}
        </dl>
        {view.budget && <BudgetMeter status={liveBudget(view.budget, elapsed)} label={i18n.t('panel.budget')} locale={locale} showLabel />}

        {live && (
          <p class={`live ${live.counting ? 'is-counting' : 'is-paused'}`}>
            {live.counting ? <span class="dot" aria-hidden="true" /> : <PauseIcon />}
            <span>{live.text}</span>
          </p>
        )}

        {view.flagged && (
          <div class="actions" role="group" aria-label={i18n.t('panel.actions.label')}>
            {view.specializationName !== null && (
              <button type="button" class="action primary" onClick={() => onAction('add-to-focus')}>
                {i18n.t('panel.actions.add', [view.account ?? name, view.specializationName])}
              </button>
            )}
            <button type="button" class="action" onClick={() => onAction('snooze')}>
              {i18n.t('panel.actions.snooze', [String(SNOOZE_MINUTES)])}
            </button>
            <button type="button" class="action" onClick={() => onAction('open-report')}>{i18n.t('panel.actions.openReport')}</button>
          </div>
        )}

        <div class="footer">
          {view.focus?.status === 'no-specialization' && (
            <button type="button" class="link" onClick={() => onAction('open-options')}>{i18n.t('panel.actions.setUp')}</button>
          )}
          {!view.flagged && (
            <button type="button" class="link" onClick={() => onAction('open-report')}>{i18n.t('panel.actions.openReport')}</button>
          )}
          <button type="button" class="link" onClick={() => onPlacement({ hidden: true })}>{i18n.t('panel.controls.hide', [name])}</button>
        </div>
      </aside>
    </div>
  );
}
