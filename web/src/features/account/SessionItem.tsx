import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { Monitor, Smartphone, Tablet } from "lucide-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../../api/client";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useLanguage } from "../../i18n";
import { formatDateTime } from "../../lib/format";
import styles from "./Account.module.css";
import { revokeSession, sessionsQueryKey } from "./queries";
import { formatPlace, formatRelativeTime } from "./session-format";
import type { Session } from "./types";

function DeviceIcon({ deviceType }: { deviceType: string | null }) {
  if (deviceType === "mobile") return <Smartphone size={22} aria-hidden="true" />;
  if (deviceType === "tablet") return <Tablet size={22} aria-hidden="true" />;
  return <Monitor size={22} aria-hidden="true" />;
}

/** Renders one session with its device, place and last activity, and a button that signs it out. */
export function SessionItem({ session }: { session: Session }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const device = t("account.sessions.deviceOnOs", {
    browser: session.browser ?? t("account.sessions.unknownBrowser"),
    os: session.os ?? t("account.sessions.unknownOs"),
  });
  const place = formatPlace(session.place, language);

  const mutation = useMutation({
    mutationFn: () => revokeSession(session.id),
    onSuccess: async () => {
      if (!session.current) {
        await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
        return;
      }
      // The API cleared this browser's cookies, so the cached account data is no longer valid.
      await navigate({ to: "/login" });
      queryClient.clear();
    },
    onError: async (error) => {
      // A 404 means the session had already ended, so the list is stale.
      if (error instanceof ApiError && error.status === 404) {
        await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
      }
    },
  });

  const revoke = () => {
    if (session.current) setConfirming(true);
    else mutation.mutate();
  };

  return (
    <li className={styles.session}>
      <span className={styles.deviceIcon}>
        <DeviceIcon deviceType={session.deviceType} />
      </span>
      <div className={styles.sessionBody}>
        <p className={styles.sessionTitle}>
          <strong>{device}</strong>
          {session.current && <span className="badge badge-success">{t("account.sessions.thisDevice")}</span>}
        </p>
        <p className="muted small">
          {place ?? t("account.sessions.placeUnknown")}
          {" · "}
          <time dateTime={session.lastSeenAt} title={formatDateTime(session.lastSeenAt, language)}>
            {t("account.sessions.lastSeen", { time: formatRelativeTime(session.lastSeenAt, language) })}
          </time>
        </p>
        <p className="muted small">
          {t("account.sessions.signedInAt", { date: formatDateTime(session.createdAt, language) })}
        </p>
        {mutation.isError && <ErrorNotice error={mutation.error} compact />}
      </div>
      <button
        type="button"
        className={`btn btn-secondary btn-sm ${styles.sessionAction}`}
        onClick={revoke}
        disabled={mutation.isPending}
        aria-label={t("account.sessions.revokeLabel", { device })}
      >
        {mutation.isPending ? t("account.sessions.revoking") : t("account.sessions.revoke")}
      </button>

      {session.current && (
        <ConfirmDialog
          open={confirming}
          title={t("account.sessions.revokeCurrentTitle")}
          description={t("account.sessions.revokeCurrentText")}
          confirmLabel={t("account.sessions.revoke")}
          pending={mutation.isPending}
          onConfirm={() => mutation.mutate()}
          onClose={() => setConfirming(false)}
        />
      )}
    </li>
  );
}
