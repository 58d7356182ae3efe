/**
 * Scaling intents (a version's Deployment, a StatefulSet) and their bounds, committed through {@code gitops}.
 */
package dev.aviary.console.scaling;
