package dev.aviary.console;

import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedded web server, tuned for what the console serves: many long-lived, mostly idle pages, each holding a push
 * WebSocket. Per open page the connection's buffers cost as much heap as its UI (SessionMemoryBenchmark).
 */
@Configuration(proxyBeanMethods = false)
class WebServerConfiguration {

  /**
   * Tomcat's WebSocket defaults, read once when its WebSocket classes load, so set before the server starts; a
   * {@code -D} on the command line still wins. 2 KB frame and send buffers instead of 8 KB (a push message larger
   * than that is sent in parts), and no permessage-deflate, whose compressor and inflater hold buffers (and native
   * zlib windows) per connection for messages that are small JSON.
   */
  static void webSocketDefaults() {
    System.getProperties().putIfAbsent("org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE", "2048");
    System.getProperties().putIfAbsent("org.apache.tomcat.websocket.DISABLE_BUILTIN_EXTENSIONS", "true");
  }

  /**
   * 4 KB socket buffers per connection instead of 8 KB: an upgraded push connection keeps them for as long as the
   * page is open. And an encoded slash ({@code %2F}) in a path is handed on, not refused by Tomcat with its HTML
   * error page: Spring Security's firewall then rejects it with a problem+json 400 like every other API error.
   */
  @Bean
  TomcatConnectorCustomizer connectionsForManyIdlePages() {
    return connector -> {
      connector.setProperty("socket.appReadBufSize", "4096");
      connector.setProperty("socket.appWriteBufSize", "4096");
      connector.setEncodedSolidusHandling("passthrough");
    };
  }
}
