/**
 * What the on-call overview tells by itself: a service that turns Degraded, goes Missing or recovers, watched on
 * the leader and told as notices once.
 */
package dev.aviary.console.oncall;
