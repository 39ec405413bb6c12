import i18next from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import type { Language } from "../lib/format";
import en from "./en.json";
import id from "./id.json";

export const LANGUAGES: readonly Language[] = ["id", "en"];
const STORAGE_KEY = "lumiku.language";

function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === "en" || value === "id" ? value : "id";
  } catch {
    // Storage can be blocked (private mode, strict cookie settings), and then Indonesian is the default.
    return "id";
  }
}

export function currentLanguage(): Language {
  return i18next.language === "en" ? "en" : "id";
}

/** Returns the current UI language. Components that call it re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === "en" ? "en" : "id";
}

/** Switches the UI language and remembers it for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembered when storage is blocked, but the switch still applies to this visit.
  }
}

i18next.on("languageChanged", (language) => {
  // Unit tests load this module without a DOM.
  if (typeof document !== "undefined") document.documentElement.lang = language;
});

await i18next.use(initReactI18next).init({
  resources: { id: { translation: id }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: "id",
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
