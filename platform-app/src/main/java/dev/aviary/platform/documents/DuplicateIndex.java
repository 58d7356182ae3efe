package dev.aviary.platform.documents;

import java.util.Optional;

/**
 * Which document holds which content (by its SHA-256), shared by all replicas where it lives in Redis, so the same
 * content uploaded twice, to any replica, is processed once.
 */
public interface DuplicateIndex {

  /** Records {@code id} as the holder of {@code hash} unless a document already holds it; then that one's id. */
  Optional<String> claim(String hash, String id);

  /** Makes {@code id} the holder of {@code hash} whoever held it (the earlier document failed or is gone). */
  void replace(String hash, String id);

  /** Forgets {@code hash} if {@code id} still holds it: its document was never stored. */
  void release(String hash, String id);
}
