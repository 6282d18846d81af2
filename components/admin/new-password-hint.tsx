/** The password rules, said once, the same way everywhere (lib/auth/password-rules.ts applies them). */
export function NewPasswordHint() {
  return (
    <>12 to 128 characters. Any characters; a few unrelated words make a good one. Common passwords are refused.</>
  );
}
