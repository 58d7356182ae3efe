package dev.aviary.console.notifications;

import java.util.regex.Pattern;

/**
 * Text from services, releases and people (a reason, a version name) made inert for chat: it must neither mention
 * everyone nor turn into markup. Slack parses {@code &}, {@code <} and {@code >} as control characters in every text
 * object (its docs: escape them as HTML entities); Teams cards render a small Markdown subset (emphasis, links, lists),
 * so only what starts those is escaped with a backslash: Teams' mobile clients have shown escapes literally, and a
 * version name like {@code webapi-v2} must not read {@code webapi\-v2} there. Both get a word joiner after the {@code @} of {@code @channel}, {@code @here} and
 * {@code @everyone}, so no client reads them as a mention even where mentions are parsed from plain words.
 */
final class ChatText {

  private static final Pattern BROADCAST = Pattern.compile("@(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKUP = Pattern.compile("([\\\\*_\\[\\]])");
  /** List items' markers where a line starts: {@code - }, {@code + } and {@code 1. }. */
  private static final Pattern BULLET = Pattern.compile("(?m)^(\\s*)([-+]\\s)");
  private static final Pattern NUMBERED = Pattern.compile("(?m)^(\\s*\\d+)(\\.\\s)");

  private ChatText() {
  }

  static String slack(String text) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return noBroadcast(escaped);
  }

  static String teams(String text) {
    String escaped = MARKUP.matcher(text).replaceAll("\\\\$1");
    escaped = BULLET.matcher(escaped).replaceAll("$1\\\\$2");
    return noBroadcast(NUMBERED.matcher(escaped).replaceAll("$1\\\\$2"));
  }

  private static String noBroadcast(String text) {
    return BROADCAST.matcher(text).replaceAll("@\u2060$1");
  }
}
