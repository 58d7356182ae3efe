/**
 * The shell every page shares: the main layout and navigation, the signed-in user, live updates pushed to open
 * pages, the cluster and sandbox notices, answers to a change, charts, and the one global error handler.
 */
package dev.aviary.console.ui;
