import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Hex } from '../../src/core/text/sha256';

const nodeSha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('sha256Hex', () => {
  it('matches the FIPS 180-4 examples', () => {
    assert.equal(sha256Hex(''), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(
      sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('matches node:crypto on ASCII, emoji, CRLF and every padding boundary', () => {
    const inputs = ['Coalition of the Willing', 'Zelenskyy 😀🇺🇦 “steel porcupine” €90 billion', 'a\r\nb\rc', 'Türkiye'];
    for (let n = 0; n <= 130; n++) inputs.push('x'.repeat(n), 'é'.repeat(n));
    for (const text of inputs) assert.equal(sha256Hex(text), nodeSha256(text), JSON.stringify(text));
  });

  it('encodes lone surrogates as U+FFFD like node does', () => {
    assert.equal(sha256Hex('a\uD83Db'), nodeSha256('a\uD83Db'));
  });

  it('matches node:crypto on 1 MB', () => {
    let text = '';
    while (text.length < 1024 * 1024) text += `Paris summit ${text.length} 😀 security guarantees\n`;
    assert.equal(sha256Hex(text), nodeSha256(text));
  });
});
