package dev.aviary.console.gitops;

/**
 * A Git remote the console started for itself (the sandbox's), used when {@code aviary.git.url} is not set.
 * Whoever starts it provides this as a bean; the Git adapter clones it like any remote.
 */
public record EmbeddedRemote(String url) {
}
