package dev.aviary.console.notifications.mail;

import dev.aviary.console.notifications.Destination;
import dev.aviary.console.notifications.Notice;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

import java.util.List;

/**
 * Notices as plain-text e-mail over SMTP (Spring's mail support): the title as subject, then the text, the figures,
 * who and when, and the link. A server that cannot be reached may come back (tried again); a message it refuses or
 * credentials it rejects will not.
 */
final class MailDestination implements Destination {

  private final String name;
  private final List<String> to;
  private final String from;
  private final JavaMailSender sender;

  MailDestination(String name, List<String> to, String from, JavaMailSender sender) {
    this.name = name;
    this.to = List.copyOf(to);
    this.from = from;
    this.sender = sender;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String kind() {
    return "email";
  }

  @Override
  public void send(Notice notice) throws DeliveryFailure {
    try {
      MimeMessage message = sender.createMimeMessage();
      MimeMessageHelper mail = new MimeMessageHelper(message, false, "UTF-8");
      mail.setFrom(from);
      mail.setTo(to.toArray(String[]::new));
      mail.setSubject("[Aviary] " + notice.title());
      mail.setText(body(notice), false);
      message.setHeader("X-Aviary-Event", notice.kind().word());
      sender.send(message);
    } catch (MailAuthenticationException | MailParseException | MailPreparationException | MessagingException e) {
      throw new DeliveryFailure("the mail could not be sent: " + e.getMessage(), false);
    } catch (MailException e) {
      throw new DeliveryFailure("the SMTP server could not take it: " + e.getMessage(), true);
    }
  }

  static String body(Notice n) {
    StringBuilder body = new StringBuilder(n.title()).append("\n\n");
    if (!n.text().isEmpty()) {
      body.append(n.text()).append("\n\n");
    }
    n.figures().forEach(line -> body.append("    ").append(line).append('\n'));
    if (!n.figures().isEmpty()) {
      body.append('\n');
    }
    body.append("Service: ").append(n.service()).append('\n');
    if (!n.release().isEmpty()) {
      body.append("Release: ").append(n.release()).append('\n');
    }
    if (!n.actor().isEmpty()) {
      body.append("By: ").append(n.actor()).append('\n');
    }
    body.append("When: ").append(n.at()).append('\n');
    if (!n.link().isEmpty()) {
      body.append("\n").append(n.link()).append('\n');
    }
    return body.toString();
  }
}
