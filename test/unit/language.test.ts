import * as assert from 'node:assert/strict';
import { resolveContentLanguage } from '../../src/content/language';

describe('content language', () => {
  it('follows a Chinese display language when set to auto', () => {
    assert.equal(resolveContentLanguage('auto', 'zh-cn'), 'zh-cn');
    assert.equal(resolveContentLanguage('auto', 'zh-TW'), 'zh-cn');
  });
  it('reads English for any other display language', () => {
    assert.equal(resolveContentLanguage('auto', 'en'), 'en');
    assert.equal(resolveContentLanguage('auto', 'de'), 'en');
  });
  it('keeps an explicit choice whatever the display language', () => {
    assert.equal(resolveContentLanguage('en', 'zh-cn'), 'en');
    assert.equal(resolveContentLanguage('zh-cn', 'en'), 'zh-cn');
  });
  it('treats a value of the wrong type as auto', () => {
    assert.equal(resolveContentLanguage(42, 'zh-cn'), 'zh-cn');
    assert.equal(resolveContentLanguage(null, 'fr'), 'en');
  });
});
