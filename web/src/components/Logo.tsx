import styles from "./Logo.module.css";

/** Renders the Lumiku wordmark. The mark is decorative and the word is the accessible name. */
export function Logo() {
  return (
    <span className={styles.logo}>
      <svg className={styles.mark} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" fill="currentColor" />
        <path
          d="M10 8v16h12"
          fill="none"
          stroke="#fff"
          strokeWidth="3.5"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
        <circle cx="22" cy="11" r="2.5" fill="#a5b4fc" />
      </svg>
      <span>Lumiku</span>
    </span>
  );
}
