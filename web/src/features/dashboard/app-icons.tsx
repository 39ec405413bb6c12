import { AppWindow, CircleUser, Film, Layers, type LucideIcon, Video } from "lucide-react";

// The API names icons from the lucide set. Unknown names get a neutral icon instead of nothing.
const ICONS: Record<string, LucideIcon> = {
  video: Video,
  layers: Layers,
  film: Film,
  "user-circle": CircleUser,
  "circle-user": CircleUser,
};

export function AppIcon({ name, size = 24 }: { name: string; size?: number }) {
  const Icon = ICONS[name] ?? AppWindow;
  return <Icon size={size} aria-hidden="true" />;
}

/** Apps that have a screen in this web app, keyed by app id. */
export const APP_ROUTES = {
  "video-mixer": "/apps/video-mixer",
} as const;

export function appRoute(appId: string): (typeof APP_ROUTES)[keyof typeof APP_ROUTES] | null {
  return appId in APP_ROUTES ? APP_ROUTES[appId as keyof typeof APP_ROUTES] : null;
}
