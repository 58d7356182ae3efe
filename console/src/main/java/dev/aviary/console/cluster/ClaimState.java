package dev.aviary.console.cluster;

import java.time.Instant;

/**
 * A PersistentVolumeClaim.
 *
 * @param phase      Pending, Bound or Lost
 * @param problem    the newest warning event about the claim (a provisioner that failed, a storage class that does not
 *                   exist), or empty
 * @param created    when it was made, or null when unknown
 */
public record ClaimState(String name, String phase, String storageClass, String requested, String volume,
                         String problem, Instant created) {
}
