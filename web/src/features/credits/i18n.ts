import { i18next } from "../../i18n";
import { creditsTranslations } from "./translations";

// Deep-merged into the app's namespace; keys from the shared JSON files are never overwritten.
i18next.addResourceBundle("id", "translation", creditsTranslations.id, true, false);
i18next.addResourceBundle("en", "translation", creditsTranslations.en, true, false);
