package dev.aviary.platform.processing;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the language from its function words: whichever language's stop words make up the largest share of the
 * first words. Short or ambiguous texts are "und" (undetermined, as ISO 639-2 has it) rather than a guess.
 */
final class LanguageDetector {

  static final String UNDETERMINED = "und";
  private static final int SAMPLE = 2000;
  private static final double MIN_SHARE = 0.05;
  private static final int MIN_HITS = 3;

  String detect(List<String> words) {
    List<String> sample = words.subList(0, Math.min(SAMPLE, words.size()));
    String best = UNDETERMINED;
    int bestHits = 0;
    int secondHits = 0;
    for (Map.Entry<String, Set<String>> language : StopWords.BY_LANGUAGE.entrySet()) {
      int hits = (int) sample.stream().filter(language.getValue()::contains).count();
      if (hits > bestHits) {
        secondHits = bestHits;
        bestHits = hits;
        best = language.getKey();
      } else if (hits > secondHits) {
        secondHits = hits;
      }
    }
    boolean clear = bestHits >= MIN_HITS && bestHits >= MIN_SHARE * sample.size() && bestHits > secondHits;
    return clear ? best : UNDETERMINED;
  }
}
