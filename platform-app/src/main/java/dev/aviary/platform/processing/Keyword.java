package dev.aviary.platform.processing;

/** A frequent content word and how often it occurs. */
public record Keyword(String term, int count) {
}
