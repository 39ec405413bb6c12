import "./i18n";
import "./styles/global.css";
import { QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createRouter, RouterProvider } from "@tanstack/react-router";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { ApiError, onUnauthorized } from "./api/client";
import { PageLoading } from "./components/Spinner";
import { meQueryKey } from "./features/auth/queries";
import { routeTree } from "./routeTree.gen";

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors will not change on retry, so only network failures and 5xx get two more tries.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 5_000, refetchOnWindowFocus: true },
    mutations: { retry: false },
  },
  queryCache: new QueryCache({
    onError: (error, query) => {
      // The session check skips the global redirect, so an expired session while the app is
      // open (the check already had data) is handled here.
      const expired = error instanceof ApiError && error.status === 401 && query.state.data !== undefined;
      if (expired && query.queryKey[0] === meQueryKey[0] && query.queryKey[1] === meQueryKey[1]) sendToSignIn();
    },
  }),
});

const router = createRouter({
  routeTree,
  context: { queryClient },
  defaultPreload: "intent",
  // React Query owns caching, so the router always calls the loaders instead of keeping their results.
  defaultPreloadStaleTime: 0,
  defaultPendingComponent: PageLoading,
  scrollRestoration: true,
});

declare module "@tanstack/react-router" {
  interface Register {
    router: typeof router;
  }
}

let redirecting = false;

/** Sends the user to sign-in after a 401, then returns them to where they were. */
function sendToSignIn() {
  const path = router.state.location.pathname;
  if (redirecting || path === "/login" || path === "/signup") return;
  redirecting = true;
  const returnTo = router.state.location.href;
  void router.navigate({ to: "/login", search: { redirect: returnTo }, replace: true }).finally(() => {
    queryClient.clear();
    redirecting = false;
  });
}

onUnauthorized(sendToSignIn);

const root = document.getElementById("app");
if (!root) throw new Error("index.html has no #app element");

createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
