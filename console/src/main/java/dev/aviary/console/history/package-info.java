/**
 * The History page: Git's log of changes with their diffs and revert, read through {@code gitops}' GitHistory.
 */
package dev.aviary.console.history;
