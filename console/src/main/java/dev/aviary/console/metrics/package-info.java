/**
 * The golden signals, behind the {@link dev.aviary.console.metrics.MetricsSource} port: one batched query per
 * signal, counts since a moment for the judges, and the query templates per preset. {@code prometheus} holds the
 * adapter; the sandbox plugs in {@code simulation}.
 */
package dev.aviary.console.metrics;
