package dev.aviary.console.gitops;

/**
 * What an operator wants changed, independent of how the manifests spell it. The pipeline hands it the manifests
 * at the remote's head, possibly several times when the remote moves on, so {@link #edit} must only read what it
 * is given and always make the same edits for the same manifests.
 */
public interface Intent {

  /** The service the change is about, first word of the commit subject. */
  String service();

  /** A short machine-readable verb for the {@code Aviary-Action} trailer, e.g. {@code scale}. */
  String action();

  /** What the change does, for the commit subject, e.g. "scale webapi-v1 to 4 replicas". */
  String summary();

  /**
   * Edits the manifests through {@link ManifestSet#edit}.
   *
   * @throws InvalidChangeException naming what is wrong when the intent does not fit the manifests
   */
  void edit(ManifestSet manifests);
}
