package dev.aviary.console.notifications.mail;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.aviary.console.notifications.Destination;
import dev.aviary.console.notifications.Notice;
import dev.aviary.console.notifications.NoticeKind;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** E-mail notices through a real SMTP server in the test JVM (GreenMail) on a free port. */
class MailDestinationTest {

  GreenMail smtp;
  JavaMailSenderImpl sender;

  @BeforeEach
  void start() {
    smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    smtp.start();
    sender = new JavaMailSenderImpl();
    sender.setHost("127.0.0.1");
    sender.setPort(smtp.getSmtp().getPort());
  }

  @AfterEach
  void stop() {
    smtp.stop();
  }

  static Notice rolledBack() {
    return new Notice("n1", NoticeKind.RELEASE_ROLLED_BACK, Instant.parse("2026-11-30T03:00:00Z"), "webapi",
        "webapi-v2", "release controller", "webapi: release webapi-v2 rolled back",
        "v2 failed analysis at 20%: success ratio 81.25%, limit >= 99.00%",
        List.of("success ratio 81.25%, limit >= 99.00% (stable 100.00%)  <- broken"), "https://aviary.example/releases");
  }

  @Test
  void a_notice_arrives_with_its_title_as_subject_to_every_recipient_with_figures_and_link() throws Exception {
    Destination mail = new MailDestination("oncall-mail", List.of("oncall@example.com", "lead@example.com"),
        "aviary@example.com", sender);

    mail.send(rolledBack());

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(2);
    MimeMessage message = received[0];
    assertThat(message.getSubject()).isEqualTo("[Aviary] webapi: release webapi-v2 rolled back");
    assertThat(message.getFrom()[0].toString()).isEqualTo("aviary@example.com");
    assertThat(message.getRecipients(Message.RecipientType.TO)).extracting(Object::toString)
        .containsExactly("oncall@example.com", "lead@example.com");
    assertThat(message.getHeader("X-Aviary-Event")[0]).isEqualTo("release-rolled-back");
    String body = String.valueOf(message.getContent());
    assertThat(body).contains("v2 failed analysis at 20%", "    success ratio 81.25%", "<- broken",
        "Service: webapi", "Release: webapi-v2", "By: release controller", "https://aviary.example/releases");
  }

  @Test
  void an_smtp_server_that_is_not_there_may_come_back_and_is_tried_again() {
    smtp.stop();
    Destination mail = new MailDestination("oncall-mail", List.of("oncall@example.com"), "aviary@example.com",
        sender);

    assertThatThrownBy(() -> mail.send(rolledBack())).isInstanceOfSatisfying(Destination.DeliveryFailure.class,
        f -> assertThat(f.retryable()).isTrue());
  }
}
