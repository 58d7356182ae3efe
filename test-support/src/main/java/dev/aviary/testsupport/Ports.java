package dev.aviary.testsupport;

/** Ports for tests that need a connection refused. */
public final class Ports {

  /**
   * A port nothing on this machine listens on (tcpmux, long unused). Not a free ephemeral port: the OS hands that out
   * again, and once another test's server took it (the sandbox's API server did in one CI run), it answered instead of
   * refusing the connection.
   */
  public static final int NOTHING_LISTENS = 1;

  private Ports() {
  }
}
