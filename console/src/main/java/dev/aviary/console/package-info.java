/**
 * The console application: its Spring Boot entry point and the few pieces every feature shares (background work,
 * failure words, listeners, how times are written, the web server's ports). Features live in the packages below,
 * one package each; the README's code map and each package's own description say what is where.
 */
package dev.aviary.console;
