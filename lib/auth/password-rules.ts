/**
 * What a new password must be (NIST SP 800-63B): 12 to 128 characters, no composition rules, and
 * not a commonly used password. The list is zxcvbn-ts's common-password dictionary (49,000 entries
 * from leaked-password corpora, @zxcvbn-ts/language-common), loaded on first use, on the server only.
 *
 * Because most list entries are shorter than 12 characters, a password is also refused when it is a
 * listed password with only digits and punctuation added ("sunshine2024!"), or one short piece
 * repeated ("abcabcabcabc", "monkeymonkey").
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Length in characters as a person counts them (code points), not UTF-16 units. */
export const passwordLength = (password: string) => [...password].length;

let common: Promise<Set<string>> | undefined;

function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(
    (m) => new Set(m.dictionary['passwords-common'].map((p) => p.toLowerCase())),
  );
  return common;
}

export async function isCommonPassword(password: string): Promise<boolean> {
  const list = await commonPasswords();
  const lower = password.toLowerCase();
  if (list.has(lower)) return true;
  // A listed password followed or preceded by digits and punctuation only.
  const stem = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, '');
  if (stem.length >= 4 && stem !== lower && list.has(stem)) return true;
  // One piece repeated: "aaaaaaaaaaaa", "abcabcabcabc", "passwordpassword".
  const repeated = /^(.{1,}?)\1+$/su.exec(lower);
  if (repeated && (passwordLength(repeated[1]!) <= 4 || list.has(repeated[1]!))) return true;
  return false;
}

/** Why this password cannot be used, or null when it can. */
export async function newPasswordProblem(password: string, context: { email?: string } = {}): Promise<string | null> {
  const length = passwordLength(password);
  if (length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  if (context.email && password.trim().toLowerCase() === context.email.toLowerCase())
    return 'Do not use your e-mail address as your password.';
  if (await isCommonPassword(password))
    return 'This password is too common and easy to guess. A few unrelated words make a strong one.';
  return null;
}
