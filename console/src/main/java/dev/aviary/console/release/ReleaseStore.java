package dev.aviary.console.release;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Where releases live: the cluster's Release objects, read from a watch and their status written back. */
public interface ReleaseStore {

  /** Every release in the managed namespaces, as last seen; never blocks on the cluster. */
  List<Release> all();

  default Optional<Release> find(String name) {
    return all().stream().filter(r -> r.name().equals(name)).findFirst();
  }

  /**
   * Writes a release's status, if nobody wrote the release since it was read.
   *
   * @throws ConflictException when someone did; read it again and decide again
   */
  void saveStatus(Release release, ReleaseStatus status);

  /** Calls the listener whenever a release changes, until the returned handle runs. */
  Runnable subscribe(Consumer<List<Release>> listener);

  /** The release was written by someone else since it was read. */
  final class ConflictException extends RuntimeException {
    public ConflictException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
