#!/bin/bash
# Builds the JVM's ahead-of-time cache (JDK 25) at image build time from one training run: starts the application
# with -XX:AOTCacheOutput, waits until its readiness answers 200 (so everything a start loads and links up to
# readiness is recorded, not only the Spring context's refresh), then stops it with SIGTERM, as Kubernetes does; the
# JVM writes the cache as it exits. Prints the run's log and fails when the application is not ready in time or
# no cache was written.
# Usage: train-aot-cache.sh CACHE PORT PATH JAR
set -euo pipefail
cache="$1" port="$2" path="$3" jar="$4"
log="$(mktemp)"
java -XX:AOTCacheOutput="$cache" -jar "$jar" >"$log" 2>&1 &
application=$!
for _ in $(seq 600); do
  if healthcheck "$port" "$path" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$application" 2>/dev/null; then
    cat "$log"; echo "The training run stopped before it was ready" >&2; exit 1
  fi
  sleep 0.2
done
kill -TERM "$application"
wait "$application" || true
if [ ! -s "$cache" ]; then
  cat "$log"; echo "The training run wrote no AOT cache at $cache" >&2; exit 1
fi
rm -f "$log"
# The JVM's performance-data file of the training run: nothing to ship.
rm -rf /tmp/hsperfdata_*
