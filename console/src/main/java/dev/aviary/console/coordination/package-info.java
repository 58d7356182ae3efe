/**
 * Several consoles at once: {@link dev.aviary.console.coordination.Leadership} (one console leads: releases,
 * retention, notices) and {@link dev.aviary.console.coordination.WriteLock} (one console writes at a time, in Git's
 * order). {@code fabric8} holds both as Leases.
 */
package dev.aviary.console.coordination;
