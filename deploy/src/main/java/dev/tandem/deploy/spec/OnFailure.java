package dev.tandem.deploy.spec;

/** What a rollout does when a wave exceeds its failure threshold or fails its health gate. */
public enum OnFailure {
  /** Stop sending, keep what was installed; an operator resumes, aborts or rolls back. */
  PAUSE,
  /** Set the previous version on every device the rollout touched. */
  ROLLBACK,
  /** Stop for good (state FAILED); devices keep what they have; rollback stays possible. */
  FAIL
}
