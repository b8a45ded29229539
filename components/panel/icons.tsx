/**
 * The panel's icons: small original line drawings, always shown next to text (or inside a
 * control with an accessible name), never as the only carrier of meaning.
 */

export type StatusTone = 'in' | 'out' | 'snoozed' | 'neutral' | 'off';

const PATHS: Record<StatusTone, string> = {
  // a tick in a circle
  in: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM5 8.2l2 2l4-4.4',
  // a pennant on its pole
  out: 'M3.5 1.5v13M3.5 2.5h8.5l-2 3l2 3h-8.5',
  // the pennant, with a pause mark: the flag is quiet for a while
  snoozed: 'M3.5 1.5v13M3.5 2.5h8.5l-2 3l2 3h-8.5M10.5 11v3.5M13 11v3.5',
  // an open circle with a dash: nothing to measure against
  neutral: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM5 8h6',
  // a circle struck through: not counted
  off: 'M8 1.5a6.5 6.5 0 1 1 0 13a6.5 6.5 0 0 1 0-13zM3.4 12.6l9.2-9.2',
};

function Icon({ d, size = 16, className }: { d: string; size?: number; className?: string }) {
  return (
    <svg class={className ?? 'icon'} width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={d} fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}

export const StatusIcon = ({ tone, size }: { tone: StatusTone; size?: number }) => <Icon d={PATHS[tone]} size={size} />;

/** Two bars: counting stands still. */
export const PauseIcon = () => <Icon d="M5.5 3.5v9M10.5 3.5v9" size={12} />;

/** A chevron pointing towards the screen edge the panel folds into. */
export const FoldIcon = ({ edge }: { edge: 'left' | 'right' }) => <Icon d={edge === 'right' ? 'M6 3.5l4.5 4.5L6 12.5' : 'M10 3.5L5.5 8l4.5 4.5'} />;

/** Arrows to the opposite edge. */
export const SwapIcon = () => <Icon d="M2.5 5.5h10M10 3l2.5 2.5L10 8M13.5 10.5h-10M6 8l-2.5 2.5L6 13" />;

/** Six dots: a handle to drag. */
export const GripIcon = () => (
  <svg class="icon" width="10" height="16" viewBox="0 0 10 16" aria-hidden="true" focusable="false">
    {[3, 8, 13].flatMap((y) => [2.5, 7.5].map((x) => <circle key={`${x}-${y}`} cx={x} cy={y} r="1.3" fill="currentColor" />))}
  </svg>
);
