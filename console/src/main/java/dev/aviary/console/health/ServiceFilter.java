package dev.aviary.console.health;

import java.util.Locale;

/** What the overview's filter keeps: services whose name, namespace or health holds every word typed. */
final class ServiceFilter {

  private ServiceFilter() {
  }

  static boolean matches(ServiceHealth service, String typed) {
    if (typed == null || typed.isBlank()) {
      return true;
    }
    String haystack = (service.name() + " " + service.namespace() + " " + service.health().status().label())
        .toLowerCase(Locale.ROOT);
    for (String word : typed.toLowerCase(Locale.ROOT).trim().split("\\s+")) {
      if (!haystack.contains(word)) {
        return false;
      }
    }
    return true;
  }
}
