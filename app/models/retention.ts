// Retention periods, shared by the retention job and the privacy notice.
export const RETENTION = {
  /** Sign-in attempts (with their IP address). */
  loginAttemptsDays: 30,
  /** Used or expired confirmation and invitation links. */
  spentTokensDays: 7,
  /** Search-index change log, once applied. */
  appliedSearchChangesDays: 1,
} as const;
