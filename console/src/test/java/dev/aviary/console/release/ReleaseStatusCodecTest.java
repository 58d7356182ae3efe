package dev.aviary.console.release;

import dev.aviary.console.analysis.AnalysisResult;
import dev.aviary.console.analysis.Check;
import dev.aviary.console.analysis.Look;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A release's status as the cluster stores it. The stored form is written out here field by field: renaming a field
 * of {@link ReleaseStatus} (or of what it holds) would otherwise drop stored data silently, since readers ignore
 * fields they do not know so that an older console can read a newer one's status.
 */
class ReleaseStatusCodecTest {

  static final String STORED = """
      {"phase":"PAUSED","stepIndex":2,"weight":25,"since":"2026-11-30T03:00:00Z","failures":1,"inconclusive":2,
       "errors":3,"message":"paused by Ada: checking the logs","steeringSeen":"pause@2026-11-30T02:59:00Z",
       "warmUntil":"2026-11-30T03:10:00Z","promotionCommit":"4f1c2a9",
       "analyses":[{"outcome":"FAILED","at":"2026-11-30T02:58:00Z","weight":25,
         "checks":[{"metric":"success ratio","unit":"RATIO","canary":0.8,"stable":1.0,"limit":">= 99.00%",
                    "passed":false,"evidence":null}],
         "summary":"success ratio 80.00%, limit >= 99.00%","step":"25%"}],
       "events":[{"at":"2026-11-30T02:59:00Z","actor":"Ada Admin <ada@example.com>","text":"pause: checking the logs",
                  "commit":"9e8d7c6"}],
       "trafficSince":"2026-11-30T02:50:00Z",
       "evidence":{"outcome":"INCONCLUSIVE","at":"2026-11-30T02:57:00Z","weight":25,
         "checks":[{"metric":"error ratio","unit":"RATIO","canary":0.004,"stable":0.002,"limit":"<= 1.00%",
                    "passed":true,"evidence":{"verdict":"UNDECIDED","value":1.0,"needed":400.0,"estimate":0.004,
                                              "low":0.001,"high":0.012,"counted":1500.0,
                                              "difference":false}}],
         "summary":"not decided yet","step":"preview"},
       "trail":[{"at":"2026-11-30T02:57:00Z","canaryRequests":1500.0,"canaryErrors":6.0,"stableRequests":28500.0,
                 "stableErrors":57.0,"evidence":0.25}],
       "routed":"1:header:x-aviary-canary=always"}
      """;

  static final ReleaseStatus STATUS = new ReleaseStatus(ReleasePhase.PAUSED, 2, 25,
      Instant.parse("2026-11-30T03:00:00Z"), 1, 2, 3, "paused by Ada: checking the logs", "pause@2026-11-30T02:59:00Z",
      Instant.parse("2026-11-30T03:10:00Z"), "4f1c2a9",
      List.of(new AnalysisResult(AnalysisResult.Outcome.FAILED, Instant.parse("2026-11-30T02:58:00Z"), 25,
          List.of(new Check("success ratio", Check.Unit.RATIO, 0.8, 1.0, ">= 99.00%", false)),
          "success ratio 80.00%, limit >= 99.00%", "25%")),
      List.of(new ReleaseEvent(Instant.parse("2026-11-30T02:59:00Z"), "Ada Admin <ada@example.com>",
          "pause: checking the logs", "9e8d7c6")), Instant.parse("2026-11-30T02:50:00Z"),
      new AnalysisResult(AnalysisResult.Outcome.INCONCLUSIVE, Instant.parse("2026-11-30T02:57:00Z"), 25,
          List.of(new Check("error ratio", Check.Unit.RATIO, 0.004, 0.002, "<= 1.00%", true,
              new Check.Evidence(Check.Verdict.UNDECIDED, 1, 400, 0.004, 0.001, 0.012, 1500, false))),
          "not decided yet", "preview"),
      List.of(new Look(Instant.parse("2026-11-30T02:57:00Z"), 1500, 6, 28500, 57, 0.25)),
      "1:header:x-aviary-canary=always");

  @SuppressWarnings("unchecked")
  static Map<String, Object> stored(String json) {
    return JsonMapper.builder().build().readValue(json, Map.class);
  }

  @Test
  void a_stored_status_reads_back_field_for_field() {
    assertThat(ReleaseStatusCodec.fromMap(stored(STORED))).isEqualTo(STATUS);
  }

  @Test
  void a_status_is_stored_in_exactly_that_form() {
    assertThat(ReleaseStatusCodec.toMap(STATUS)).isEqualTo(stored(STORED));
  }

  @Test
  void a_round_trip_keeps_everything() {
    assertThat(ReleaseStatusCodec.fromMap(ReleaseStatusCodec.toMap(STATUS))).isEqualTo(STATUS);
  }

  @Test
  void a_check_stored_before_checks_had_units_reads_as_a_count() {
    Map<String, Object> old = stored(STORED.replace("\"unit\":\"RATIO\",", ""));
    assertThat(ReleaseStatusCodec.fromMap(old).analyses().getFirst().checks().getFirst().unit())
        .isEqualTo(Check.Unit.COUNT);
  }

  @Test
  void evidence_stored_before_it_said_what_its_estimate_is_reads_as_a_share() {
    Map<String, Object> old = stored(STORED.replaceAll(",\\s*\"difference\":false", ""));
    assertThat(old.toString()).doesNotContain("difference");
    assertThat(ReleaseStatusCodec.fromMap(old)).isEqualTo(STATUS);
  }

  @Test
  void a_status_stored_before_steps_could_route_has_routed_nothing() {
    Map<String, Object> old = stored(STORED);
    old.remove("routed");
    assertThat(ReleaseStatusCodec.fromMap(old).routed()).isEmpty();
  }

  @Test
  void an_analysis_stored_before_steps_had_labels_is_placed_by_its_weight() {
    Map<String, Object> old = stored(STORED.replace(",\"step\":\"25%\"", ""));
    AnalysisResult analysis = ReleaseStatusCodec.fromMap(old).analyses().getFirst();
    assertThat(analysis.step()).isNull();
    assertThat(analysis.where()).isEqualTo("25%");
  }

  @Test
  void an_object_without_status_has_none() {
    assertThat(ReleaseStatusCodec.fromMap(null)).isNull();
    assertThat(ReleaseStatusCodec.fromMap(Map.of())).isNull();
  }
}
