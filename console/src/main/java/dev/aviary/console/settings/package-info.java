/**
 * The Settings page: what this console is configured with (cluster, Git, Prometheus, notifications), secrets
 * left out.
 */
package dev.aviary.console.settings;
