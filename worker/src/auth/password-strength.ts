import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import * as common from "@zxcvbn-ts/language-common";
import * as indonesian from "@zxcvbn-ts/language-id";

/** zxcvbn scores 0–4; 3 means "safely unguessable" (about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

// Building the matcher indexes about 2 MB of dictionaries (common passwords and names plus
// Indonesian words and names, since most users write Indonesian), so it happens once per
// isolate, on the first password that needs checking rather than at startup.
let factory: ZxcvbnFactory | undefined;

/** Returns the shared zxcvbn instance, built on first use. */
export function passwordEstimator(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...indonesian.dictionary },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

export interface PasswordStrength {
  score: number;
  acceptable: boolean;
  /** zxcvbn's feedback key for a weak password, e.g. `similarToCommon`; the web app translates it. */
  warning: string | null;
}

/**
 * Estimates how guessable a password is, counting the user's own email and name as known words.
 * Common passwords, keyboard walks, repeats and dates score low.
 */
export function checkPasswordStrength(password: string, userInputs: string[] = []): PasswordStrength {
  // Each input also counts as its parts and as one run-together word: "Sari Wulandari" covers
  // "sari", "wulandari" and "sariwulandari".
  const words = userInputs
    .flatMap((input) => {
      const parts = input.split(/[^\p{L}\p{N}]+/u);
      return [input, parts.join(""), ...parts];
    })
    .filter((word) => word.length > 2);
  const result = passwordEstimator().check(password, words);
  return {
    score: result.score,
    acceptable: result.score >= MIN_PASSWORD_SCORE,
    warning: result.feedback.warning ?? result.feedback.suggestions[0] ?? null,
  };
}
