/**
 * What features need to know of people: an {@link dev.aviary.console.access.Identity}, the
 * {@link dev.aviary.console.access.Role} it holds, who operates now, and the {@code @Requires} mark an action's role.
 * How people sign in is {@code security}'s.
 */
package dev.aviary.console.access;
