/** One signed-in session from `GET /api/auth/sessions`. */
export interface Session {
  id: string;
  /** Browser name and major version, e.g. "Chrome 126", or null when the User-Agent was not recognized. */
  browser: string | null;
  os: string | null;
  /** `mobile`, `tablet`, … as ua-parser-js reports it, or null for a desktop. */
  deviceType: string | null;
  /** Where the session was last refreshed from: an ISO 3166 country code and a city, when known. */
  place: { country: string | null; city: string | null } | null;
  createdAt: string;
  lastSeenAt: string;
  /** True for the session of this browser. */
  current: boolean;
}
