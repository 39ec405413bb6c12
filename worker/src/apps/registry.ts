export type AppStatus = "enabled" | "beta" | "coming-soon";

export interface AppDefinition {
  id: string;
  name: string;
  /** Icon name from the lucide set, which the web app maps to a component. */
  icon: string;
  description: string;
  dashboardOrder: number;
  status: AppStatus;
  /** Price table shown on the dashboard; the app's own pricing module charges from the same values. */
  pricing: { unit: string; from: number };
  /**
   * Whether the app works only through a model in `ai_models`. Such an app opens for a user only
   * when their tier includes at least one enabled model of it; the others open for every tier.
   */
  requiresModel: boolean;
}

/** Every app, declared in code. Adding an app means one entry here and one folder beside this file. */
export const APPS: readonly AppDefinition[] = [
  {
    id: "video-mixer",
    name: "Video Mixer",
    icon: "video",
    description: "Turn a few short clips into many distinct, ready-to-post video variants.",
    dashboardOrder: 1,
    status: "enabled",
    pricing: { unit: "variant", from: 1 },
    requiresModel: true,
  },
  {
    id: "carousel-mix",
    name: "Carousel Mix",
    icon: "layers",
    description: "Combine slide images and captions into sets of carousel posts.",
    dashboardOrder: 2,
    status: "coming-soon",
    pricing: { unit: "set", from: 1 },
    requiresModel: false,
  },
  {
    id: "looping-flow",
    name: "Looping Flow",
    icon: "film",
    description: "Loop one short video seamlessly into a long one.",
    dashboardOrder: 3,
    status: "coming-soon",
    pricing: { unit: "video", from: 2 },
    requiresModel: false,
  },
  {
    id: "avatar-creator",
    name: "Avatar Creator",
    icon: "user-circle",
    description: "Create consistent AI avatars for your brand.",
    dashboardOrder: 4,
    status: "coming-soon",
    pricing: { unit: "avatar", from: 8 },
    requiresModel: true,
  },
];

export function findApp(appId: string): AppDefinition | undefined {
  return APPS.find((app) => app.id === appId);
}
