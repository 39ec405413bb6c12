export type AppStatus = "enabled" | "beta" | "coming-soon";

/** One entry of `GET /api/apps`. */
export interface AppSummary {
  id: string;
  name: string;
  /** A lucide icon name such as `video` or `user-circle`. */
  icon: string;
  description: string;
  dashboardOrder: number;
  status: AppStatus;
  canOpen: boolean;
  pricing: { unit: string; from: number };
}
