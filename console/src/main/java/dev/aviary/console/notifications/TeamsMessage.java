package dev.aviary.console.notifications;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A notice as the body a Microsoft Teams workflow webhook ("When a Teams webhook request is received") posts: a
 * message with one Adaptive Card (1.4): title, text, figures, the facts, a button to the console. Card text renders a
 * Markdown subset, so what comes from services, releases or people is escaped ({@link ChatText}).
 */
public final class TeamsMessage {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private TeamsMessage() {
  }

  public static byte[] json(Notice n) {
    ObjectNode message = JSON.createObjectNode().put("type", "message");
    ObjectNode attachment = message.putArray("attachments").addObject()
        .put("contentType", "application/vnd.microsoft.card.adaptive");
    attachment.putNull("contentUrl");
    ObjectNode card = attachment.putObject("content")
        .put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
        .put("type", "AdaptiveCard").put("version", "1.4");
    ArrayNode body = card.putArray("body");
    text(body, n.title()).put("weight", "Bolder").put("size", "Medium");
    if (!n.text().isEmpty()) {
      text(body, n.text());
    }
    n.figures().forEach(line -> text(body, line).put("fontType", "Monospace").put("spacing", "None"));
    ArrayNode facts = body.addObject().put("type", "FactSet").putArray("facts");
    fact(facts, "Event", n.kind().word());
    fact(facts, "Service", n.service());
    if (!n.release().isEmpty()) {
      fact(facts, "Release", n.release());
    }
    if (!n.actor().isEmpty()) {
      fact(facts, "By", n.actor());
    }
    fact(facts, "When", n.at().toString());
    if (!n.link().isEmpty()) {
      card.putArray("actions").addObject().put("type", "Action.OpenUrl").put("title", "Open in Aviary")
          .put("url", n.link());
    }
    return JSON.writeValueAsBytes(message);
  }

  private static ObjectNode text(ArrayNode body, String text) {
    return body.addObject().put("type", "TextBlock").put("text", ChatText.teams(text)).put("wrap", true);
  }

  private static void fact(ArrayNode facts, String title, String value) {
    facts.addObject().put("title", title).put("value", ChatText.teams(value));
  }
}
