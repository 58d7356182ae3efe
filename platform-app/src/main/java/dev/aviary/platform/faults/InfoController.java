package dev.aviary.platform.faults;

import dev.aviary.platform.PlatformProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.Map;

/** What this instance is and whether it misbehaves on purpose. */
@RestController
class InfoController {

  private final PlatformProperties properties;

  InfoController(PlatformProperties properties) {
    this.properties = properties;
  }

  @GetMapping("/info")
  Map<String, Object> info() {
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("application", "platform-app");
    info.put("service", properties.service());
    info.put("version", properties.version());
    info.put("faults", Map.of("errorRate", properties.faultErrorRate(),
        "latencyMs", properties.faultLatency().toMillis()));
    info.put("queueCapacity", properties.queueCapacity());
    info.put("workers", properties.workers());
    info.put("maxDocumentBytes", properties.maxDocumentSize().toBytes());
    return info;
  }
}
