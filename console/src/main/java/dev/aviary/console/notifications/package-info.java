/**
 * Telling people: {@link dev.aviary.console.notifications.NotificationService} matches each
 * {@link dev.aviary.console.notifications.Notice} with subscriptions (settings and annotations in Git) and delivers it
 * to destinations (webhooks, Slack, Teams, e-mail) with retries and a record of each delivery. {@code http} and
 * {@code mail} hold the adapters.
 */
package dev.aviary.console.notifications;
