import type { QueryClient } from "@tanstack/react-query";
import { createRootRouteWithContext, Link, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../components/ErrorNotice";

export interface RouterContext {
  queryClient: QueryClient;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  component: Outlet,
  notFoundComponent: NotFound,
  errorComponent: RootError,
});

function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="container page">
      <div className="empty">
        <h1>{t("notFound.title")}</h1>
        <p>{t("notFound.body")}</p>
        <Link to="/" className="btn btn-primary">
          {t("notFound.home")}
        </Link>
      </div>
    </main>
  );
}

function RootError({ error, reset }: { error: unknown; reset: () => void }) {
  return (
    <main className="container page">
      <ErrorNotice error={error} onRetry={reset} />
    </main>
  );
}
