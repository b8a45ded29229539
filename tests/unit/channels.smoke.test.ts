import { describe, expect, it } from 'vitest';
import { channelKey } from '@/utils/channels';

describe('channelKey', () => {
  it('joins platform and account', () => {
    expect(channelKey({ platform: 'linkedin', account: 'company/acme' })).toBe('linkedin:company/acme');
    expect(channelKey({ platform: 'x', account: null })).toBe('x');
  });
});
