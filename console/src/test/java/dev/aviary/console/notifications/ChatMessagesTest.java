package dev.aviary.console.notifications;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Slack's and Teams' payloads in their documented shapes, with hostile text made inert. */
class ChatMessagesTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String HOSTILE = "a <!channel> & *everyone* _look_ @channel @here [x](http://evil) <@U123>";

  static Notice notice(String text) {
    return new Notice("id-1", NoticeKind.RELEASE_PAUSED, Instant.parse("2026-11-30T03:00:00Z"), "webapi",
        "webapi-v2", "Otto Operator", "webapi: release webapi-v2 paused", text, List.of("success ratio 99.10%"),
        "http://aviary.example/releases");
  }

  @Test
  void slack_gets_a_fallback_text_and_header_section_context_and_button_blocks() throws Exception {
    JsonNode message = JSON.readTree(SlackMessage.json(notice("paused by Otto Operator: looks odd")));

    assertThat(message.path("text").asString()).isEqualTo("webapi: release webapi-v2 paused: paused by Otto Operator: "
        + "looks odd");
    JsonNode blocks = message.path("blocks");
    assertThat(blocks.get(0).path("type").asString()).isEqualTo("header");
    assertThat(blocks.get(0).path("text").path("type").asString()).isEqualTo("plain_text");
    assertThat(blocks.get(1).path("text").path("text").asString()).isEqualTo("paused by Otto Operator: looks odd");
    assertThat(blocks.get(2).path("text").path("text").asString()).isEqualTo("success ratio 99.10%");
    assertThat(blocks.get(3).path("type").asString()).isEqualTo("context");
    assertThat(blocks.get(3).path("elements").get(0).path("text").asString())
        .isEqualTo("release-paused · webapi · release webapi-v2 · by Otto Operator · 2026-11-30T03:00:00Z");
    assertThat(blocks.get(4).path("elements").get(0).path("url").asString())
        .isEqualTo("http://aviary.example/releases");
  }

  @Test
  void slack_text_from_people_cannot_mention_everyone_or_become_markup() throws Exception {
    String message = new String(SlackMessage.json(notice(HOSTILE)), java.nio.charset.StandardCharsets.UTF_8);
    JsonNode parsed = JSON.readTree(message);

    for (String text : List.of(parsed.path("text").asString(),
        parsed.path("blocks").get(1).path("text").path("text").asString())) {
      assertThat(text).doesNotContain("<!channel>", "<@U123>", "@channel", "@here", " & ")
          .contains("&lt;!channel&gt;", "&amp;", "&lt;@U123&gt;", "@\u2060channel", "@\u2060here");
    }
    assertThat(parsed.path("blocks").get(1).path("text").path("type").asString())
        .as("plain text: *, _ and links are not formatted").isEqualTo("plain_text");
  }

  @Test
  void teams_gets_one_adaptive_card_with_text_facts_and_a_button() throws Exception {
    JsonNode message = JSON.readTree(TeamsMessage.json(notice("paused by Otto Operator: looks odd")));

    assertThat(message.path("type").asString()).isEqualTo("message");
    JsonNode attachment = message.path("attachments").get(0);
    assertThat(attachment.path("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
    JsonNode card = attachment.path("content");
    assertThat(card.path("type").asString()).isEqualTo("AdaptiveCard");
    assertThat(card.path("version").asString()).isEqualTo("1.4");
    assertThat(card.path("body").get(0).path("type").asString()).isEqualTo("TextBlock");
    assertThat(card.path("body").get(0).path("text").asString()).isEqualTo("webapi: release webapi-v2 paused");
    JsonNode facts = card.path("body").get(3).path("facts");
    assertThat(facts.get(1).path("title").asString()).isEqualTo("Service");
    assertThat(facts.get(1).path("value").asString()).isEqualTo("webapi");
    assertThat(card.path("actions").get(0).path("type").asString()).isEqualTo("Action.OpenUrl");
    assertThat(card.path("actions").get(0).path("url").asString()).isEqualTo("http://aviary.example/releases");
  }

  @Test
  void teams_text_from_people_cannot_mention_everyone_or_become_markup() throws Exception {
    JsonNode card = JSON.readTree(TeamsMessage.json(notice(HOSTILE))).path("attachments").get(0).path("content");
    String text = card.path("body").get(1).path("text").asString();

    assertThat(text).contains("\\*everyone\\*", "\\_look\\_", "\\[x\\](http://evil)", "@\u2060channel",
        "@\u2060here").doesNotContain("@channel");
  }

  @Test
  void teams_escapes_only_what_would_become_markup_so_names_and_figures_read_as_they_are() {
    assertThat(ChatText.teams("webapi-v2 (1.2.0-rc.1) #3: p99 +12% <- slow!")).isEqualTo(
        "webapi-v2 (1.2.0-rc.1) #3: p99 +12% <- slow!");
    assertThat(ChatText.teams("why:\n- one\n  + two\n10. three")).isEqualTo(
        "why:\n\\- one\n  \\+ two\n10\\. three");
    assertThat(ChatText.teams("a\\b")).isEqualTo("a\\\\b");
  }
}
