package dev.aviary.console.cluster;

import java.time.Instant;

/**
 * Whether the watches on the cluster are live. Anything shown while not {@link Status#LIVE} is stale.
 *
 * @param since  when the state began
 * @param detail why, for the operator
 */
public record ConnectionState(Status status, Instant since, String detail) {

  public enum Status { CONNECTING, LIVE, STALE }

  public boolean live() {
    return status == Status.LIVE;
  }
}
