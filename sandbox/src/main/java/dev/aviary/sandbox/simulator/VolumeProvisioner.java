package dev.aviary.sandbox.simulator;

import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A dynamic provisioner, as a cluster's storage driver is one: a Pending claim whose storage class exists (or, without
 * one, the default class) gets a PersistentVolume {@code pvc-<claim uid>} of the size it asks and is Bound to it; a
 * claim naming a class the cluster does not have stays Pending, with the warning a real cluster gives.
 */
final class VolumeProvisioner {

  static final String DEFAULT_CLASS = "standard";
  static final String PROVISIONER = "sandbox.aviary.dev/hostpath";
  private static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
  private static final String COMPONENT = "persistentvolume-controller";

  private final KubernetesClient client;
  private final EventRecorder events;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  VolumeProvisioner(KubernetesClient client, EventRecorder events) {
    this.client = client;
    this.events = events;
  }

  /** The sandbox's default class, as a kind or minikube cluster ships one. */
  void installDefaultClass() {
    if (client.storage().v1().storageClasses().withName(DEFAULT_CLASS).get() == null) {
      Writes.ignoringConflicts(() -> client.storage().v1().storageClasses().resource(new StorageClassBuilder()
          .withNewMetadata().withName(DEFAULT_CLASS).addToAnnotations(DEFAULT_ANNOTATION, "true").endMetadata()
          .withProvisioner(PROVISIONER).withReclaimPolicy("Delete").withVolumeBindingMode("Immediate").build())
          .create());
    }
  }

  void reconcile(PersistentVolumeClaim claim, List<StorageClass> classes) {
    if (claim.getStatus() != null && !"Pending".equals(Objects.requireNonNullElse(claim.getStatus().getPhase(),
        "Pending")) || claim.getMetadata().getDeletionTimestamp() != null) {
      return;
    }
    String wanted = claim.getSpec().getStorageClassName();
    Optional<StorageClass> storageClass = wanted == null ? classes.stream().filter(VolumeProvisioner::isDefault)
        .findFirst() : classes.stream().filter(c -> wanted.equals(c.getMetadata().getName())).findFirst();
    if (storageClass.isEmpty()) {
      if (claim.getStatus() == null || claim.getStatus().getPhase() == null) {
        // a real API server defaults a new claim's phase; the sandbox's keeps status apart and drops it on create
        Writes.ignoringConflicts(() -> client.resource(new PersistentVolumeClaimBuilder(claim).withNewStatus()
            .withPhase("Pending").endStatus().build()).updateStatus());
      }
      if (warned.add(claim.getMetadata().getUid())) {
        events.warning(claim, COMPONENT, wanted == null ? "FailedBinding" : "ProvisioningFailed", wanted == null
            ? "no persistent volumes available for this claim and no storage class is set"
            : "storageclass.storage.k8s.io \"" + wanted + "\" not found");
      }
      return;
    }
    bind(claim, storageClass.get());
  }

  private void bind(PersistentVolumeClaim claim, StorageClass storageClass) {
    String volume = "pvc-" + claim.getMetadata().getUid();
    Quantity size = Optional.ofNullable(claim.getSpec().getResources()).map(r -> r.getRequests())
        .map(r -> r.get("storage")).orElse(new Quantity("1Gi"));
    List<String> modes = claim.getSpec().getAccessModes().isEmpty() ? List.of("ReadWriteOnce")
        : claim.getSpec().getAccessModes();
    PersistentVolume pv = new PersistentVolumeBuilder().withNewMetadata().withName(volume)
        .addToAnnotations("pv.kubernetes.io/provisioned-by", PROVISIONER).endMetadata().withNewSpec()
        .withCapacity(Map.of("storage", size)).withAccessModes(modes)
        .withPersistentVolumeReclaimPolicy(Objects.requireNonNullElse(storageClass.getReclaimPolicy(), "Delete"))
        .withStorageClassName(storageClass.getMetadata().getName()).withNewClaimRef().withKind("PersistentVolumeClaim")
        .withNamespace(claim.getMetadata().getNamespace()).withName(claim.getMetadata().getName())
        .withUid(claim.getMetadata().getUid()).endClaimRef().withNewHostPath().withPath("/var/lib/sandbox/" + volume)
        .endHostPath().endSpec().withNewStatus().withPhase("Bound").endStatus().build();
    Writes.ignoringConflicts(() -> client.persistentVolumes().resource(pv).create());
    PersistentVolumeClaim bound = new PersistentVolumeClaimBuilder(claim).editSpec().withVolumeName(volume)
        .withStorageClassName(storageClass.getMetadata().getName()).endSpec().build();
    if (Writes.ignoringConflicts(() -> client.resource(bound).update())) {
      PersistentVolumeClaim latest = client.persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace())
          .withName(claim.getMetadata().getName()).get();
      if (latest != null) {
        Writes.ignoringConflicts(() -> client.resource(new PersistentVolumeClaimBuilder(latest).withNewStatus()
            .withPhase("Bound").withAccessModes(modes).withCapacity(Map.of("storage", size)).endStatus().build())
            .updateStatus());
        events.normal(claim, COMPONENT, "ProvisioningSucceeded", "Successfully provisioned volume " + volume
            + " using " + PROVISIONER);
      }
    }
  }

  private static boolean isDefault(StorageClass c) {
    return c.getMetadata().getAnnotations() != null && "true".equals(c.getMetadata().getAnnotations()
        .get(DEFAULT_ANNOTATION));
  }

  void forget(Set<String> liveClaims) {
    warned.retainAll(liveClaims);
  }
}
