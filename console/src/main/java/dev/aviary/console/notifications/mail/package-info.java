/**
 * Destinations reached by e-mail (SMTP).
 */
package dev.aviary.console.notifications.mail;
