import { i18next } from "../../i18n";
import "../credits/i18n";
import { adminTranslations } from "./translations";

// Deep-merged into the app's namespace; keys from the shared JSON files are never overwritten.
i18next.addResourceBundle("id", "translation", adminTranslations.id, true, false);
i18next.addResourceBundle("en", "translation", adminTranslations.en, true, false);
