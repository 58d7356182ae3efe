/**
 * The sandbox the console starts when no cluster is configured: the in-process API server, workload simulator,
 * OIDC provider and Git remote of the {@code sandbox} module, plugged into the features' ports.
 */
package dev.aviary.console.sandbox;
