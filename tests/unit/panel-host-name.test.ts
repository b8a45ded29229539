// @vitest-environment happy-dom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPanelHostName, panelHostName } from '@/utils/panel-host-name';

describe('the panel host element’s name', () => {
  it('is a custom element name a closed shadow root can be attached to', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 11, maxLength: 32 }), (bytes) => {
      const name = panelHostName(bytes);
      expect(name).toMatch(/^[a-z]{5}-[a-z]{6}$/);
      expect(isPanelHostName(name)).toBe(true);
      const element = document.createElement(name);
      expect(element.attachShadow({ mode: 'closed' }).host).toBe(element);
    }));
  });

  it('is the same for the same profile and differs between profiles', () => {
    const one = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const other = Uint8Array.from({ length: 32 }, (_, i) => i * 7 + 1);
    expect(panelHostName(one)).toBe(panelHostName(Uint8Array.from(one)));
    expect(panelHostName(one)).not.toBe(panelHostName(other));
  });

  it('refuses too few bytes, and a view’s name of any other shape', () => {
    expect(() => panelHostName(new Uint8Array(10))).toThrow(RangeError);
    for (const name of ['channel-focus-panel', 'div', 'abcde-fghij1', 'ABCDE-FGHIJK', 'abcde-fghijk<', 42, null]) {
      expect(isPanelHostName(name)).toBe(false);
    }
  });
});
