/**
 * Anytime-valid confidence sequences for proportions and their differences, the mathematics the sequential judge
 * stands on; each source cited where it is used.
 */
package dev.aviary.console.statistics;
