import { describe, expect, it } from 'vitest';
import { parseLayout } from './remembered-layout';

describe('remembered layout', () => {
  it('restores a known tab and the flash options', () => {
    expect(parseLayout('{"activeTab":"flash","flashResetAfter":false,"flashVerify":true}')).toEqual({
      activeTab: 'flash',
      flashResetAfter: false,
      flashVerify: true,
    });
  });
  it('ignores a removed tab, the troubleshooter, wrong types and torn text', () => {
    expect(parseLayout('{"activeTab":"gone","flashVerify":"yes"}')).toEqual({});
    expect(parseLayout('{"activeTab":"troubleshoot"}')).toEqual({});
    expect(parseLayout('{"activeTab":"fla')).toEqual({});
    expect(parseLayout(null)).toEqual({});
  });
});
