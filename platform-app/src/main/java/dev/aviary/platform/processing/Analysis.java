package dev.aviary.platform.processing;

import java.util.List;

/** What processing found in a document. */
public record Analysis(String language, int wordCount, int characterCount, List<Keyword> keywords,
                       List<Chunk> chunks) {

  public Analysis {
    keywords = List.copyOf(keywords);
    chunks = List.copyOf(chunks);
  }
}
