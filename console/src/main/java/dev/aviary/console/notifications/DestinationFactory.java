package dev.aviary.console.notifications;

import java.time.Duration;
import java.util.Optional;

/** Makes the destinations of the kinds an adapter knows; empty for any other kind. */
public interface DestinationFactory {

  /**
   * @param name    the destination's name, as configured
   * @param timeout how long one delivery may take
   * @throws IllegalStateException naming the setting when the adapter cannot serve it (no SMTP server configured)
   */
  Optional<Destination> create(String name, NotificationsProperties.DestinationSettings settings, Duration timeout);
}
