package dev.aviary.console.notifications;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

/**
 * The generic webhook's body (documented in docs/notifications.md) and its signature: HMAC-SHA256 over the exact
 * bytes sent, with the destination's shared key, as {@code sha256=<hex>} in {@value #SIGNATURE_HEADER}, the way
 * GitHub signs its webhooks, so a receiver can tell the notice came from Aviary and was not altered.
 */
public final class WebhookBody {

  public static final String SIGNATURE_HEADER = "X-Aviary-Signature";
  public static final String EVENT_HEADER = "X-Aviary-Event";
  public static final String DELIVERY_HEADER = "X-Aviary-Delivery";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private WebhookBody() {
  }

  public static byte[] json(Notice n) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", n.id());
    body.put("event", n.kind().word());
    body.put("at", n.at().toString());
    body.put("service", n.service());
    body.put("release", n.release());
    body.put("actor", n.actor());
    body.put("title", n.title());
    body.put("text", n.text());
    var figures = body.putArray("figures");
    n.figures().forEach(figures::add);
    body.put("link", n.link());
    return JSON.writeValueAsBytes(body);
  }

  /** {@code sha256=} and the hex HMAC-SHA256 of {@code body} under {@code key}. */
  public static String signature(String key, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
    }
  }
}
