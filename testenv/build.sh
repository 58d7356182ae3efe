#!/usr/bin/env bash
# Builds the test control plane (etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok) and a real
# node's parts (kubelet, kube-proxy, and the pause process of pod sandboxes) from the Go modules pinned in this
# directory, into a cache outside the repository, and prints that directory.
#
#   export AVIARY_CONTROL_PLANE="$(bash testenv/build.sh)"
#
# A directory is built once per content of go.mod, go.sum, the mains and this script, and reused afterwards (a
# second call prints it at once). The first build takes about 8 minutes on 2 cores and fills ~0.8 GB of Go module
# cache and ~3 GB of build cache; everything comes from the Go module proxy.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"

kube_version="$(awk '$1 == "k8s.io/kubernetes" { print $2; exit }' go.mod)"
fingerprint="$(cat go.mod go.sum kwok/go.mod kwok/go.sum build.sh $(find cmd -name '*.go' | sort) | sha256sum | cut -c1-12)"
cache_root="${AVIARY_CONTROL_PLANE_CACHE:-$HOME/.cache/aviary/control-plane}"
target="$cache_root/$kube_version-$fingerprint"

if [ -f "$target/.complete" ]; then
  echo "$target"
  exit 0
fi

log() { echo "testenv: $*" >&2; }
started=$SECONDS
work="$target.partial"
rm -rf "$work"
mkdir -p "$work"

# Without these the binaries report v0.0.0-master and clients that check the server version are misled.
minor="$(echo "$kube_version" | cut -d. -f2)"
version_pkg=k8s.io/component-base/version
ldflags="-s -w -X $version_pkg.gitVersion=$kube_version -X $version_pkg.gitMajor=1 -X $version_pkg.gitMinor=$minor"
ldflags="$ldflags -X $version_pkg.gitTreeState=clean -X $version_pkg.buildDate=1970-01-01T00:00:00Z"

# One go build for all of them, which links each binary while others still compile (from empty caches on 2 cores:
# 382 s for the whole script, against 396 s building them one after the other).
binaries=(etcd kube-apiserver kube-controller-manager kube-scheduler kubelet kube-proxy)
log "building ${binaries[*]} $kube_version"
go build -mod=readonly -ldflags "$ldflags" -o "$work/" "${binaries[@]/#/./cmd/}" >&2
# Static: it runs alone in an image with nothing else in it.
log "building pause"
CGO_ENABLED=0 go build -mod=readonly -ldflags "-s -w" -o "$work/pause" ./cmd/pause >&2
log "building kwok"
(cd kwok && go build -mod=readonly -ldflags "-s -w" -o "$work/kwok" sigs.k8s.io/kwok/cmd/kwok >&2)
# kwok's own "fast" stages (nodes Ready with lease heartbeats; pods Running and Ready at once, deleted at once), as
# shipped in its module, handed to it as one config file.
kwok_dir="$(cd kwok && go list -m -f '{{.Dir}}' sigs.k8s.io/kwok)"
for stage in node/fast/node-initialize node/heartbeat-with-lease/node-heartbeat-with-lease pod/fast/pod-ready \
  pod/fast/pod-complete pod/fast/pod-delete; do
  echo "---"
  cat "$kwok_dir/kustomize/stage/$stage.yaml"
done > "$work/kwok-stages.yaml"

touch "$work/.complete"
rm -rf "$target"
mv "$work" "$target"
# Builds for an earlier content of this directory are ~400 MB each and nothing uses them any more.
find "$cache_root" -mindepth 1 -maxdepth 1 -type d ! -path "$target" -exec rm -rf {} +
log "built in $((SECONDS - started)) s into $target"
echo "$target"
