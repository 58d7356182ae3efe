/**
 * Releases: {@link dev.aviary.console.release.ReleaseMachine} advances a release one small idempotent step at a
 * time through its {@link dev.aviary.console.release.ReleasePhase}s, following its
 * {@link dev.aviary.console.release.ReleasePlan} and {@link dev.aviary.console.release.ReleaseStrategy}; it asks
 * {@code analysis} for the judgment and changes the world through {@link dev.aviary.console.release.ReleaseWorld}
 * (Git edits in {@code ReleaseChanges}). {@link dev.aviary.console.release.ReleaseController} runs it on the leader,
 * {@link dev.aviary.console.release.ReleaseService} starts and steers releases; the Releases page is here too.
 * {@code fabric8} holds the Release store.
 */
package dev.aviary.console.release;
