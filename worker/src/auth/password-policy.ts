import { invalidField } from "../core/errors";
import { checkPasswordStrength } from "./password-strength";

/**
 * Rejects a guessable password with a 400 on `field`. The length rule (12–128 code points) is in
 * the request schema; this adds the zxcvbn check, which needs the user's email and name.
 */
export function assertStrongPassword(password: string, userInputs: string[], field: string): void {
  const strength = checkPasswordStrength(password, userInputs);
  if (!strength.acceptable) {
    throw invalidField(
      field,
      "Password is too easy to guess; use a longer phrase of uncommon words, not your name or email",
      "weak_password",
    );
  }
}
