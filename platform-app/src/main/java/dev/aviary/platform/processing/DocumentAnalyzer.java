package dev.aviary.platform.processing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Extracts the text, then counts words, detects the language, splits overlapping chunks and finds keywords. */
public final class DocumentAnalyzer {

  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final int KEYWORDS = 10;

  private final TextExtractor extractor;
  private final LanguageDetector languages = new LanguageDetector();
  private final int chunkWords;
  private final int overlap;

  public DocumentAnalyzer(TextExtractor extractor, int chunkWords, int overlap) {
    if (overlap >= chunkWords) {
      throw new IllegalArgumentException("chunk overlap must be smaller than the chunk size");
    }
    this.extractor = extractor;
    this.chunkWords = chunkWords;
    this.overlap = overlap;
  }

  public Analysis analyze(byte[] content, DocumentType type) {
    return analyzeText(extractor.extract(content, type));
  }

  /** The analysis of text already extracted ({@link TextExtractor#extract}). */
  public Analysis analyzeText(String extracted) {
    String text = extracted.strip();
    List<String> words = text.isEmpty() ? List.of() : Arrays.asList(WHITESPACE.split(text));
    List<String> normalized = words.stream().map(w -> NOT_LETTERS.matcher(w.toLowerCase(Locale.ROOT)).replaceAll(""))
        .filter(w -> !w.isEmpty()).toList();
    return new Analysis(languages.detect(normalized), words.size(), text.length(), keywords(normalized),
        chunks(words));
  }

  private List<Chunk> chunks(List<String> words) {
    List<Chunk> chunks = new ArrayList<>();
    int step = chunkWords - overlap;
    for (int start = 0; start < words.size(); start += step) {
      int end = Math.min(words.size(), start + chunkWords);
      chunks.add(new Chunk(chunks.size(), start, end - start, String.join(" ", words.subList(start, end))));
      if (end == words.size()) {
        break;
      }
    }
    return chunks;
  }

  private static List<Keyword> keywords(List<String> words) {
    Map<String, Integer> counts = new HashMap<>();
    for (String w : words) {
      if (w.length() >= 3 && !StopWords.isStopWord(w) && !w.chars().allMatch(Character::isDigit)) {
        counts.merge(w, 1, Integer::sum);
      }
    }
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(KEYWORDS).map(e -> new Keyword(e.getKey(), e.getValue())).toList();
  }
}
