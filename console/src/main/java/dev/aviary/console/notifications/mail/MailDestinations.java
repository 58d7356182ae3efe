package dev.aviary.console.notifications.mail;

import dev.aviary.console.notifications.Destination;
import dev.aviary.console.notifications.DestinationFactory;
import dev.aviary.console.notifications.NotificationsProperties.DestinationSettings;
import dev.aviary.console.notifications.NotificationsProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/** E-mail destinations, through the SMTP server Spring's {@code spring.mail.*} settings name. */
@Component
class MailDestinations implements DestinationFactory {

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;

  MailDestinations(ObjectProvider<JavaMailSender> sender, NotificationsProperties properties) {
    this.sender = sender;
    this.from = properties.mailFrom();
  }

  @Override
  public Optional<Destination> create(String name, DestinationSettings s, Duration timeout) {
    if (!s.kind().equals("email")) {
      return Optional.empty();
    }
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      throw new IllegalStateException("aviary.notifications.destinations." + name + " sends e-mail, but no SMTP "
          + "server is configured: set spring.mail.host (and spring.mail.port, username, password)");
    }
    return Optional.of(new MailDestination(name, s.to(), from, mail));
  }
}
