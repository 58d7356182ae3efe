package dev.aviary.console.gitops;

/** Published after every pushed change, so open views can show it without a reload. */
public record ChangeCommitted(ChangeResult result, String service, Identity author) {
}
