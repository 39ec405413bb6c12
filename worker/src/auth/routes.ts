import { createRouter } from "../openapi/router";
import { listSessions, listSessionsRoute } from "./endpoints/list-sessions";
import { login, loginRoute } from "./endpoints/login";
import { logout, logoutRoute } from "./endpoints/logout";
import { me, meRoute } from "./endpoints/me";
import { changePassword, changePasswordRoute } from "./endpoints/password";
import { updateProfile, updateProfileRoute } from "./endpoints/profile";
import { refresh, refreshRoute } from "./endpoints/refresh";
import { register, registerRoute } from "./endpoints/register";
import { revokeOtherSessionsRoute, revokeOthers } from "./endpoints/revoke-other-sessions";
import { revokeSession, revokeSessionRoute } from "./endpoints/revoke-session";

/** Account and session endpoints, mounted under `/api/auth`. */
export const authRoutes = createRouter()
  .openapi(registerRoute, register)
  .openapi(loginRoute, login)
  .openapi(logoutRoute, logout)
  .openapi(refreshRoute, refresh)
  .openapi(meRoute, me)
  .openapi(updateProfileRoute, updateProfile)
  .openapi(changePasswordRoute, changePassword)
  .openapi(listSessionsRoute, listSessions)
  // Registered before `/sessions/{sessionId}` only for readability: the methods differ anyway.
  .openapi(revokeOtherSessionsRoute, revokeOthers)
  .openapi(revokeSessionRoute, revokeSession);
