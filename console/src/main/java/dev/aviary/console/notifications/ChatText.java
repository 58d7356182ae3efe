package dev.aviary.console.notifications;

import java.util.regex.Pattern;

/**
 * Text from services, releases and people (a reason, a version name) made inert for chat: it must neither mention
 * everyone nor turn into markup. Slack parses {@code &}, {@code <} and {@code >} as control characters in every text
 * object (its docs: escape them as HTML entities); Teams cards render a Markdown subset, so its markup characters are
 * escaped with a backslash. Both get a word joiner after the {@code @} of {@code @channel}, {@code @here} and
 * {@code @everyone}, so no client reads them as a mention even where mentions are parsed from plain words.
 */
final class ChatText {

  private static final Pattern BROADCAST = Pattern.compile("@(channel|here|everyone)\\b", Pattern.CASE_INSENSITIVE);
  private static final Pattern MARKDOWN = Pattern.compile("([\\\\`*_{}\\[\\]()#+!|>~<-])");

  private ChatText() {
  }

  static String slack(String text) {
    String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    return noBroadcast(escaped);
  }

  static String teams(String text) {
    return noBroadcast(MARKDOWN.matcher(text).replaceAll("\\\\$1"));
  }

  private static String noBroadcast(String text) {
    return BROADCAST.matcher(text).replaceAll("@\u2060$1");
  }
}
