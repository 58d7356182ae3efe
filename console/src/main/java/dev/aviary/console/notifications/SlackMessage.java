package dev.aviary.console.notifications;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notice as a Slack incoming-webhook message: a fallback {@code text} for notifications, and blocks (header, the
 * text, the figures, a context line, a button to the console). What comes from services, releases or people is in
 * {@code plain_text} objects and escaped ({@link ChatText}); only the link Aviary builds itself is markup.
 */
public final class SlackMessage {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  /** Slack's limits: a header's text 150 characters, a section's 3,000. */
  private static final int HEADER = 150;
  private static final int SECTION = 3000;

  private SlackMessage() {
  }

  public static byte[] json(Notice n) {
    ObjectNode message = JSON.createObjectNode();
    message.put("text", ChatText.slack(n.title() + (n.text().isEmpty() ? "" : ": " + n.text())));
    ArrayNode blocks = message.putArray("blocks");
    plain(blocks.addObject().put("type", "header"), cut(n.title(), HEADER));
    if (!n.text().isEmpty()) {
      plain(blocks.addObject().put("type", "section"), cut(n.text(), SECTION));
    }
    if (!n.figures().isEmpty()) {
      plain(blocks.addObject().put("type", "section"), cut(String.join("\n", n.figures()), SECTION));
    }
    ObjectNode context = blocks.addObject().put("type", "context");
    context.putArray("elements").addObject().put("type", "plain_text").put("text", ChatText.slack(context(n)));
    if (!n.link().isEmpty()) {
      ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject()
          .put("type", "button").put("url", n.link());
      button.putObject("text").put("type", "plain_text").put("text", "Open in Aviary");
    }
    return JSON.writeValueAsBytes(message);
  }

  private static void plain(ObjectNode block, String text) {
    block.putObject("text").put("type", "plain_text").put("text", ChatText.slack(text)).put("emoji", false);
  }

  static String context(Notice n) {
    StringBuilder line = new StringBuilder(n.kind().word()).append(" · ").append(n.service());
    if (!n.release().isEmpty()) {
      line.append(" · release ").append(n.release());
    }
    if (!n.actor().isEmpty()) {
      line.append(" · by ").append(n.actor());
    }
    return line.append(" · ").append(n.at()).toString();
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
