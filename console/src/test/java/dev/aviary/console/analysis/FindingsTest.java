package dev.aviary.console.analysis;

import dev.aviary.console.analysis.Check.Evidence;
import dev.aviary.console.analysis.Check.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FindingsTest {

  static Check errorsVsStable(double evidence) {
    return new Check("error ratio vs stable", Check.Unit.RATIO, 0.199, 0.0017, "not above stable's", false,
        new Evidence(Verdict.WORSE, evidence, 800, 0.197, 0.12, 0.25, 400, true));
  }

  @Test
  void a_finding_says_what_was_shown_and_how_sure_in_words_while_the_detail_keeps_the_evidence() {
    Check check = errorsVsStable(2.4e9);

    assertThat(Findings.shown(check))
        .isEqualTo("error ratio vs stable shown broken: 19.90% vs 0.17%, far beyond doubt");
    assertThat(Findings.line(check)).contains("evidence 2,400,000,000 (800 needed)");
  }

  @Test
  void the_words_grow_surer_with_each_thousandfold_and_tenfold_past_what_decides() {
    assertThat(Findings.shown(errorsVsStable(800))).endsWith(", beyond doubt");
    assertThat(Findings.shown(errorsVsStable(8_000))).endsWith(", well beyond doubt");
    assertThat(Findings.shown(errorsVsStable(800_000))).endsWith(", far beyond doubt");
  }

  @Test
  void a_check_against_its_own_limit_names_the_limit_rather_than_the_stable() {
    Check budget = new Check("error ratio", Check.Unit.RATIO, 0.2, 0.001, "<= 1.00%", false,
        new Evidence(Verdict.WORSE, 500, 400, 0.2, 0.1, 0.3, 40, false));

    assertThat(Findings.shown(budget)).isEqualTo("error ratio shown broken: 20.00%, limit <= 1.00%, beyond doubt");
  }
}
