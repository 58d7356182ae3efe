package dev.aviary.console.release;

import dev.aviary.console.gitops.ChangeResult;

/** A release that was started: its name, to follow and steer it by, and the commit that started it. */
public record ReleaseStart(String release, ChangeResult change) implements ChangeResult.Carrier {
}
