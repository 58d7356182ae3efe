package dev.aviary.console.oncall;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class OutageTest {

  static final Instant T0 = Instant.parse("2026-11-30T03:00:00Z");
  static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

  @Test
  void an_outage_is_told_once_when_it_has_lasted_and_again_only_after_it_ended() {
    Outage outage = new Outage();

    assertThat(outage.observe(true, T0, FIVE_MINUTES)).isEmpty();
    assertThat(outage.observe(true, T0.plusSeconds(299), FIVE_MINUTES)).isEmpty();
    assertThat(outage.observe(true, T0.plusSeconds(300), FIVE_MINUTES)).contains(T0);
    assertThat(outage.observe(true, T0.plusSeconds(900), FIVE_MINUTES)).isEmpty();
    assertThat(outage.observe(false, T0.plusSeconds(901), FIVE_MINUTES)).isEmpty();
    assertThat(outage.observe(true, T0.plusSeconds(1000), FIVE_MINUTES)).isEmpty();
    assertThat(outage.observe(true, T0.plusSeconds(1300), FIVE_MINUTES)).contains(T0.plusSeconds(1000));
  }
}
