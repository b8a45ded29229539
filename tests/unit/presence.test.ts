import { describe, expect, it } from 'vitest';
import { LOAD_CAUSE_MS, PRESENCE_INPUT_EVENTS, isPresenceInput, loadIsPresence, navigationKind, type PageDocument } from '@/utils/tracking/presence';

describe('isPresenceInput: only the user’s own hand on the page', () => {
  it.each(['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'touchmove'])('counts a trusted %s', (type) => {
    expect(isPresenceInput({ type, isTrusted: true })).toBe(true);
  });

  it.each(['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'touchmove', 'scroll'])(
    'never counts a %s the page dispatched itself (untrusted)', (type) => {
      expect(isPresenceInput({ type, isTrusted: false })).toBe(false);
    },
  );

  it('does not count a scroll alone, trusted or not: a chat that scrolls by itself is not the user', () => {
    expect(isPresenceInput({ type: 'scroll', isTrusted: true })).toBe(false);
    expect(PRESENCE_INPUT_EVENTS).not.toContain('scroll');
  });

  it.each(['focus', 'blur', 'visibilitychange', 'load', 'mouseover', 'click'])('ignores %s', (type) => {
    expect(isPresenceInput({ type, isTrusted: true })).toBe(false);
  });
});

describe('navigationKind', () => {
  it.each([
    ['navigate', 'navigate'], ['reload', 'reload'], ['back_forward', 'back_forward'],
    ['prerender', 'other'], [undefined, 'other'], ['', 'other'],
  ] as const)('reads %s as %s', (entry, kind) => {
    expect(navigationKind(entry)).toBe(kind);
  });
});

describe('loadIsPresence: a page load is presence only when the user caused it', () => {
  const shownAt = 1_000_000;
  const page = (navigation: PageDocument['navigation']): PageDocument => ({ id: 'page-0001', shownAt, navigation });

  it('counts a link clicked or a key pressed on our page just before', () => {
    expect(loadIsPresence(page('navigate'), { ourPage: true, lastInputAt: shownAt - 400 })).toBe(true);
    expect(loadIsPresence(page('reload'), { ourPage: true, lastInputAt: shownAt - 200 })).toBe(true);
    expect(loadIsPresence(page('navigate'), { ourPage: true, lastInputAt: shownAt - LOAD_CAUSE_MS })).toBe(true);
  });

  it('does not count a reload or a navigation that our page did by itself, long after the last input', () => {
    expect(loadIsPresence(page('reload'), { ourPage: true, lastInputAt: shownAt - LOAD_CAUSE_MS - 1 })).toBe(false);
    expect(loadIsPresence(page('navigate'), { ourPage: true, lastInputAt: shownAt - 45_000 })).toBe(false);
    expect(loadIsPresence(page('navigate'), { ourPage: true, lastInputAt: null })).toBe(false);
  });

  it('does not take input from after the load as its cause (a clock gone back)', () => {
    expect(loadIsPresence(page('navigate'), { ourPage: true, lastInputAt: shownAt + 5 })).toBe(false);
  });

  it('counts a page opened from elsewhere (address bar, another site, a new tab), but not a reload with nothing to vouch for it', () => {
    expect(loadIsPresence(page('navigate'), { ourPage: false, lastInputAt: null })).toBe(true);
    expect(loadIsPresence(page('back_forward'), { ourPage: false, lastInputAt: null })).toBe(true);
    expect(loadIsPresence(page('reload'), { ourPage: false, lastInputAt: null })).toBe(false);
  });
});
