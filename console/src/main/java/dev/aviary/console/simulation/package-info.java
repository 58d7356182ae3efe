/**
 * The sandbox's traffic model behind {@code metrics}' port: golden signals simulated per version, routed by the
 * live route table as a mesh would.
 */
package dev.aviary.console.simulation;
