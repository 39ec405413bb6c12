import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link, useNavigate } from "@tanstack/react-router";
import { ChevronDown, History, LogOut, UserRound } from "lucide-react";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiError } from "../api/client";
import { logout } from "../features/auth/queries";
import type { Me } from "../features/auth/types";
import { ErrorNotice } from "./ErrorNotice";
import styles from "./UserMenu.module.css";

/** Renders the account button in the header, which opens a panel with links to the account page and credit history, and sign-out. */
export function UserMenu({ user }: { user: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const queryClient = useQueryClient();
  const navigate = useNavigate();

  const signOut = useMutation({
    mutationFn: logout,
    onSettled: async (_data, error) => {
      // A 401 means the session had already ended, which is what signing out wants anyway.
      if (error && !(error instanceof ApiError && error.status === 401)) return;
      await navigate({ to: "/login" });
      queryClient.clear();
    },
  });

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  const initial = (user.name.trim()[0] ?? user.email[0] ?? "?").toUpperCase();

  return (
    <div className={styles.root} ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className={styles.trigger}
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={t("header.accountMenu", { name: user.name })}
        onClick={() => setOpen((current) => !current)}
      >
        <span className={styles.avatar} aria-hidden="true">
          {initial}
        </span>
        <span className={styles.name}>{user.name}</span>
        <ChevronDown size={16} aria-hidden="true" />
      </button>

      <div id={panelId} className={styles.panel} hidden={!open}>
        <div className={styles.identity}>
          <strong>{user.name}</strong>
          <span className="muted small">{user.email}</span>
        </div>
        <Link to="/account" className={styles.item} onClick={() => setOpen(false)}>
          <UserRound size={16} aria-hidden="true" />
          {t("header.account")}
        </Link>
        <Link to="/credits" className={styles.item} onClick={() => setOpen(false)}>
          <History size={16} aria-hidden="true" />
          {t("header.creditHistory")}
        </Link>
        <button type="button" className={styles.item} onClick={() => signOut.mutate()} disabled={signOut.isPending}>
          <LogOut size={16} aria-hidden="true" />
          {t("header.logout")}
        </button>
        {signOut.isError && <ErrorNotice error={signOut.error} compact />}
      </div>
    </div>
  );
}
