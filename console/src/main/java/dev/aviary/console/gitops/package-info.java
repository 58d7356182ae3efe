/**
 * Git as the record: {@link dev.aviary.console.gitops.ChangePipeline} turns an operator's
 * {@link dev.aviary.console.gitops.Intent} into a commit authored by them, pushes it and applies it through
 * {@link dev.aviary.console.gitops.ClusterGate}, the one ordered way to the cluster. Also the manifests read
 * ({@code Manifests}) and edited ({@code ManifestSet}, {@code YamlEditor}), history and revert, Sync and drift, and
 * start-up reconciliation. {@code jgit} holds the Git adapter.
 */
package dev.aviary.console.gitops;
