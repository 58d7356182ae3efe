package dev.aviary.console.cluster;

/**
 * A DaemonSet's status: one pod per eligible node.
 *
 * @param desired   nodes that should run its pod ({@code desiredNumberScheduled})
 * @param updated   nodes running the current template
 * @param available nodes whose pod has been ready for {@code minReadySeconds}
 */
public record DaemonSetState(String name, int desired, int current, int updated, int ready, int available,
                             int misscheduled, boolean onDelete, boolean observed) {
}
