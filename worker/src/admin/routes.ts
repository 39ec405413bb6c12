import { createRouter } from "../openapi/router";
import { adjustCredits, adjustCreditsRoute } from "./endpoints/adjust-credits";
import { getAdminUser, getAdminUserRoute } from "./endpoints/get-user";
import { listAdminPayments, listAdminPaymentsRoute } from "./endpoints/list-payments";
import { listAdminUsers, listAdminUsersRoute } from "./endpoints/list-users";
import { userLedger, userLedgerRoute } from "./endpoints/user-ledger";
import { requireRole } from "./require-role";

/**
 * Admin endpoints, mounted under `/api/admin`. The role check is applied to the whole router,
 * so a route added here cannot forget it: signed out → 401, signed in without the admin role → 403.
 */
export const adminRoutes = createRouter();

adminRoutes.use(requireRole("admin"));

adminRoutes
  .openapi(listAdminPaymentsRoute, listAdminPayments)
  .openapi(listAdminUsersRoute, listAdminUsers)
  .openapi(getAdminUserRoute, getAdminUser)
  .openapi(userLedgerRoute, userLedger)
  .openapi(adjustCreditsRoute, adjustCredits);
