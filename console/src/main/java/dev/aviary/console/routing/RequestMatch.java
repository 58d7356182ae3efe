package dev.aviary.console.routing;

import dev.aviary.console.gitops.InvalidChangeException;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which requests a release sends to the canary ahead of the weights: those carrying a header with an exact value
 * ({@code x-aviary-canary: always}) or a cookie with one ({@code aviary-canary=always}), as testers and internal
 * users set them. Names and values are kept to what every router can spell without escaping.
 */
public record RequestMatch(Kind kind, String name, String value) {

  /** Where the value is read from. */
  public enum Kind {
    HEADER, COOKIE;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,62}");
  private static final String COOKIE_PREFIX = "^(.*?;\\s*)?";
  private static final String COOKIE_SUFFIX = "(;.*)?$";

  public RequestMatch {
    if (kind == null) {
      throw new InvalidChangeException("a request match needs a kind: header or cookie");
    }
    if (name == null || !TOKEN.matcher(name).matches()) {
      throw new InvalidChangeException(kind.word() + " name '" + name + "' must be letters, digits, '-', '_' or '.' "
          + "(at most 63)");
    }
    if (value == null || !TOKEN.matcher(value).matches()) {
      throw new InvalidChangeException(kind.word() + " value '" + value + "' must be letters, digits, '-', '_' or '.' "
          + "(at most 63)");
    }
    // HTTP header names are case-insensitive; Istio and the Gateway API compare them lower-cased.
    name = kind == Kind.HEADER ? name.toLowerCase(Locale.ROOT) : name;
  }

  public static RequestMatch header(String name, String value) {
    return new RequestMatch(Kind.HEADER, name, value);
  }

  public static RequestMatch cookie(String name, String value) {
    return new RequestMatch(Kind.COOKIE, name, value);
  }

  /**
   * Reads {@code header:x-aviary-canary=always} or {@code cookie:aviary-canary=always}, as a plan spells a step.
   *
   * @throws InvalidChangeException saying what the text should look like
   */
  public static RequestMatch parse(String text) {
    String[] kindAndRest = text == null ? new String[0] : text.strip().split(":", 2);
    String[] nameAndValue = kindAndRest.length == 2 ? kindAndRest[1].split("=", 2) : new String[0];
    if (nameAndValue.length != 2 || !(kindAndRest[0].equals("header") || kindAndRest[0].equals("cookie"))) {
      throw new InvalidChangeException("request match '" + text + "' must read header:<name>=<value> or "
          + "cookie:<name>=<value>, e.g. header:x-aviary-canary=always");
    }
    return new RequestMatch(Kind.valueOf(kindAndRest[0].toUpperCase(Locale.ROOT)), nameAndValue[0].strip(),
        nameAndValue[1].strip());
  }

  /** The inverse of {@link #parse}. */
  public String text() {
    return kind.word() + ":" + name + "=" + value;
  }

  /** The regular expression a router matches the {@code cookie} header with: this cookie among any others. */
  String cookieRegex() {
    return COOKIE_PREFIX + name.replace(".", "\\.") + "=" + value.replace(".", "\\.") + COOKIE_SUFFIX;
  }

  /** The match a {@link #cookieRegex} spells, or empty for any other expression (which Aviary did not write). */
  static Optional<RequestMatch> ofCookieRegex(String regex) {
    if (regex == null || !regex.startsWith(COOKIE_PREFIX) || !regex.endsWith(COOKIE_SUFFIX)) {
      return Optional.empty();
    }
    String[] nameAndValue = regex.substring(COOKIE_PREFIX.length(), regex.length() - COOKIE_SUFFIX.length())
        .replace("\\.", ".").split("=", 2);
    try {
      return nameAndValue.length == 2 ? Optional.of(cookie(nameAndValue[0], nameAndValue[1])) : Optional.empty();
    } catch (InvalidChangeException e) {
      return Optional.empty();
    }
  }

  /** Whether a request with these headers (names lower-case) matches. */
  public boolean matches(Map<String, String> headers) {
    if (kind == Kind.HEADER) {
      return value.equals(headers.get(name));
    }
    String cookies = headers.get("cookie");
    return cookies != null && Pattern.compile(cookieRegex()).matcher(cookies).matches();
  }
}
