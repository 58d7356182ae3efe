package dev.aviary.platform.processing;

import java.util.Map;
import java.util.Set;

/** The commonest function words of the languages the service recognises. */
final class StopWords {

  static final Map<String, Set<String>> BY_LANGUAGE = Map.of(
      "en", Set.of("the", "and", "of", "to", "in", "is", "that", "it", "for", "with", "as", "was", "on", "are", "be",
          "this", "by", "an", "or", "from", "at", "not", "have", "has", "which", "but", "they", "we", "you", "can"),
      "de", Set.of("der", "die", "und", "das", "ist", "nicht", "mit", "den", "von", "sich", "des", "auf", "für", "ein",
          "eine", "dem", "im", "zu", "auch", "wird", "werden", "sind", "oder", "bei", "wie", "nach", "aus", "einer"),
      "fr", Set.of("le", "la", "les", "et", "des", "est", "une", "un", "du", "dans", "que", "pour", "qui", "pas", "sur",
          "au", "avec", "par", "sont", "ce", "il", "elle", "ne", "se", "nous", "vous", "mais", "ou", "aux", "plus"),
      "es", Set.of("el", "la", "los", "las", "y", "es", "del", "que", "en", "un", "una", "por", "con", "para", "se",
          "no", "su", "al", "lo", "como", "más", "pero", "sus", "son", "este", "está", "fue", "muy", "ya", "también"),
      "it", Set.of("il", "lo", "gli", "e", "di", "che", "è", "della", "per", "non", "una", "del", "sono", "con", "da",
          "nel", "alla", "anche", "come", "più", "ma", "questo", "essere", "delle", "dei", "nella", "ha", "si"),
      "nl", Set.of("de", "het", "een", "en", "van", "is", "dat", "niet", "op", "te", "zijn", "voor", "met", "die", "er",
          "aan", "ook", "als", "bij", "maar", "om", "dan", "wordt", "heeft", "door", "naar", "deze", "nog", "wel"),
      "pt", Set.of("o", "os", "as", "e", "do", "da", "dos", "das", "que", "em", "um", "uma", "para", "com", "não", "se",
          "por", "mais", "como", "mas", "foi", "ao", "ele", "ela", "são", "está", "também", "já", "nos", "seu"));

  private StopWords() {
  }

  static boolean isStopWord(String word) {
    return BY_LANGUAGE.values().stream().anyMatch(s -> s.contains(word));
  }
}
