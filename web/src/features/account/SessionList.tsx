import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import styles from "./Account.module.css";
import { revokeOtherSessions, sessionsQueryKey, sessionsQueryOptions } from "./queries";
import { SessionItem } from "./SessionItem";

/** Lists the devices signed in to the account, this one first, with a button that signs out all others. */
export function SessionList() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery(sessionsQueryOptions());
  const [confirming, setConfirming] = useState(false);

  const revokeOthers = useMutation({
    mutationFn: revokeOtherSessions,
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
  });

  const items = [...(sessions.data ?? [])].sort((a, b) => Number(b.current) - Number(a.current));
  const hasOthers = items.some((session) => !session.current);

  return (
    <section className="card" aria-labelledby="sessions-title">
      <h2 id="sessions-title" className="card-title">
        {t("account.sessions.title")}
      </h2>
      <p className="muted small">{t("account.sessions.hint")}</p>

      {sessions.isPending && <Spinner showLabel />}
      {sessions.isError && <ErrorNotice error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {items.length > 0 && (
        <ul className={styles.sessions}>
          {items.map((session) => (
            <SessionItem key={session.id} session={session} />
          ))}
        </ul>
      )}

      {sessions.isSuccess && !hasOthers && <p className="muted small">{t("account.sessions.onlyThisDevice")}</p>}
      {revokeOthers.isError && <ErrorNotice error={revokeOthers.error} />}
      <div className={styles.actions}>
        {hasOthers && (
          <button type="button" className="btn btn-danger" onClick={() => setConfirming(true)}>
            {t("account.sessions.revokeOthers")}
          </button>
        )}
        <p role="status" className={styles.status}>
          {revokeOthers.isSuccess ? t("account.sessions.revokedOthers", { count: revokeOthers.data.revoked }) : ""}
        </p>
      </div>

      <ConfirmDialog
        open={confirming}
        title={t("account.sessions.revokeOthersTitle")}
        description={t("account.sessions.revokeOthersText")}
        confirmLabel={t("account.sessions.revokeOthers")}
        pending={revokeOthers.isPending}
        onConfirm={() => revokeOthers.mutate()}
        onClose={() => setConfirming(false)}
      />
    </section>
  );
}
