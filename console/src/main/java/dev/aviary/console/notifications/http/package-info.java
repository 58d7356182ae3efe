/**
 * Destinations reached over HTTP: signed webhooks, Slack and Teams.
 */
package dev.aviary.console.notifications.http;
