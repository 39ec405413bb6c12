import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { CheckCircle2, Clock, XCircle } from "lucide-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ErrorNotice } from "../../components/ErrorNotice";
import { Spinner } from "../../components/Spinner";
import { useLanguage } from "../../i18n";
import { formatNumber, formatRupiah } from "../../lib/format";
import { meQueryKey } from "../auth/queries";
import "./i18n";
import {
  billingQueryKey,
  creditsQueryKey,
  PAYMENT_POLL_LIMIT_MS,
  paymentQueryOptions,
  paymentsQueryKey,
} from "./queries";
import { PaymentStatusBadge } from "./StatusBadge";

interface Props {
  merchantOrderId?: string;
  /** Duitku's resultCode from the return URL; a hint only, never trusted for the outcome. */
  resultCode?: string;
}

/**
 * Shows the page Duitku sends the browser to after paying. Polls the order until the API reports it paid,
 * failed or expired, then refreshes the balance and plan everywhere in the app.
 */
export function PaymentReturn({ merchantOrderId, resultCode }: Props) {
  const { t } = useTranslation();

  return (
    <div className="container page">
      <div className="page-header">
        <h1>{t("payments.return.title")}</h1>
      </div>
      <section className="card stack" aria-live="polite">
        {merchantOrderId ? (
          <OrderOutcome merchantOrderId={merchantOrderId} resultCode={resultCode} />
        ) : (
          <p>{t("payments.return.missingOrder")}</p>
        )}
        <div className="row">
          <Link to="/credits" className="btn btn-secondary">
            {t("payments.return.backToCredits")}
          </Link>
        </div>
      </section>
    </div>
  );
}

function OrderOutcome({ merchantOrderId, resultCode }: { merchantOrderId: string; resultCode?: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const queryClient = useQueryClient();
  const [startedAt] = useState(() => Date.now());
  const order = useQuery(paymentQueryOptions(merchantOrderId, startedAt));
  const status = order.data?.status;

  useEffect(() => {
    if (status !== "paid") return;
    // Balance, ledger, plan and order list all changed.
    void queryClient.invalidateQueries({ queryKey: creditsQueryKey });
    void queryClient.invalidateQueries({ queryKey: billingQueryKey });
    void queryClient.invalidateQueries({ queryKey: [...paymentsQueryKey, "list"] });
    void queryClient.invalidateQueries({ queryKey: meQueryKey });
  }, [status, queryClient]);

  if (order.isPending) return <Spinner label={t("payments.return.checking")} showLabel />;
  if (order.isError) {
    return <ErrorNotice error={order.error} context="paymentReturn" onRetry={() => void order.refetch()} />;
  }

  const data = order.data;
  const gaveUp = data.status === "pending" && Date.now() - startedAt >= PAYMENT_POLL_LIMIT_MS;

  return (
    <>
      <div className="row">
        <strong>{data.itemName}</strong>
        <span className="muted">{formatRupiah(data.amount)}</span>
        <PaymentStatusBadge status={data.status} />
      </div>

      {data.status === "paid" && (
        <p className="row">
          <CheckCircle2 aria-hidden="true" size={20} color="var(--color-success)" />
          {data.itemKind === "credits"
            ? t("payments.return.paidCredits", { credits: formatNumber(data.credits ?? 0, language) })
            : t("payments.return.paidPlan", { plan: data.itemName })}
        </p>
      )}

      {data.status === "failed" && (
        <p className="row">
          <XCircle aria-hidden="true" size={20} color="var(--color-danger)" />
          {t("payments.return.failed")}
        </p>
      )}

      {data.status === "expired" && (
        <p className="row">
          <XCircle aria-hidden="true" size={20} color="var(--color-danger)" />
          {t("payments.return.expired")}
        </p>
      )}

      {data.status === "pending" && (
        <>
          <p className="row">
            <Clock aria-hidden="true" size={20} />
            {gaveUp ? t("payments.return.stillPending") : t("payments.return.checking")}
          </p>
          {!gaveUp && <p className="muted small">{t("payments.return.pendingHint")}</p>}
          {resultCode && resultCode !== "00" && <p className="muted small">{t("payments.return.providerNotPaid")}</p>}
          <div className="row">
            <button
              type="button"
              className="btn btn-secondary btn-sm"
              onClick={() => void order.refetch()}
              disabled={order.isFetching}
            >
              {t("payments.return.checkNow")}
            </button>
            {order.isFetching && <Spinner />}
          </div>
        </>
      )}
    </>
  );
}
