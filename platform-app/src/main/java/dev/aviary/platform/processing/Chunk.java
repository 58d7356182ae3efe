package dev.aviary.platform.processing;

/**
 * A window of the document's words.
 *
 * @param firstWord index of its first word in the document
 * @param words     how many words it holds
 */
public record Chunk(int index, int firstWord, int words, String text) {
}
