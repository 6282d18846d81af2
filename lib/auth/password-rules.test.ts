import { describe, expect, it } from 'vitest';
import { isCommonPassword, newPasswordProblem } from './password-rules';

describe('new password rules', () => {
  it('accept 12 to 128 characters of anything, with no composition rules', async () => {
    expect(await newPasswordProblem('plain lower case words')).toBeNull();
    expect(await newPasswordProblem('abcdefghijkm'.slice(0, 11))).toMatch(/at least 12/);
    expect(await newPasswordProblem('x'.repeat(129))).toMatch(/at most 128/);
    expect(await newPasswordProblem('q7!'.repeat(42) + 'zz')).toBeNull(); // 128
    // Length counts characters, not UTF-16 units: 12 emoji are 12 characters.
    expect(await newPasswordProblem('🦉🐙🦊🐢🦔🐝🦋🐞🦀🐬🦜🐸')).toBeNull();
  });

  it('refuse passwords from the common list, in any case, and listed ones padded with digits or repeated', async () => {
    for (const p of [
      'qwerty123456',
      'QWERTY123456',
      '1qaz2wsx3edc',
      'password1234',
      'sunshine2024!',
      '!!dragon2002',
      'aaaaaaaaaaaa',
      'abcabcabcabc',
      'monkeymonkey',
    ]) {
      expect(await isCommonPassword(p), p).toBe(true);
      expect(await newPasswordProblem(p), p).toMatch(/too common/);
    }
    for (const p of ['quire-demo-2002', 'trafficking bulletin spring', 'correct horse battery staple']) {
      expect(await isCommonPassword(p), p).toBe(false);
    }
  });

  it('refuse the e-mail address as password', async () => {
    expect(await newPasswordProblem('Ada.Adeyemi@quire.test', { email: 'ada.adeyemi@quire.test' })).toMatch(/e-mail/);
  });

  it('use a list of at least 10,000 passwords', async () => {
    const { dictionary } = await import('@zxcvbn-ts/language-common');
    expect(dictionary['passwords-common'].length).toBeGreaterThanOrEqual(10_000);
  });
});
