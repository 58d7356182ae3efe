package dev.aviary.console.gitops;

import dev.aviary.console.access.Identity;

/** Published after every pushed change, so open views can show it without a reload. */
public record ChangeCommitted(ChangeResult result, String service, Identity author) {
}
