#!/usr/bin/env bash
# Stand-ins for the two base images Aviary's Dockerfiles name, eclipse-temurin:25-jdk and eclipse-temurin:25-jre,
# for machines that reach no image registry (these test machines). Tagged under the official names, so
# `podman build` takes them for the Dockerfiles' FROM lines without a change to the Dockerfiles.
#
# What stands in: Debian bookworm (debootstrap, minbase, plus ca-certificates and curl as the official image has)
# with the machine's Temurin 25 at /opt/java/openjdk: the whole JDK for :25-jdk, and for :25-jre a jlinked runtime of
# every module but the development tools, with a default CDS archive (as the official JRE has). The official images'
# contract is kept: JAVA_HOME=/opt/java/openjdk, java on the PATH, LANG=C.UTF-8, a CA bundle; the machine's CA bundle
# replaces Debian's because the registries here (Maven Central, npm) are reached through the machine's own CA.
#
# Built once per machine into a cache outside the repository (about a minute; ~/.cache/aviary/base-images) and
# imported into podman's storage when missing there. Prints nothing but errors; exit 0 when both tags exist.
# Needs root (debootstrap, rootful podman), debootstrap and podman: .ci/run installs them.
set -euo pipefail

jdk="${AVIARY_BASE_JDK:-/usr/lib/jvm/temurin-25-jdk-amd64}"
suite=bookworm
[ -x "$jdk/bin/jlink" ] || { echo "No JDK 25 at $jdk (set AVIARY_BASE_JDK)" >&2; exit 1; }
for command in podman debootstrap; do
  command -v "$command" >/dev/null || { echo "$command is missing: apt-get install podman debootstrap" >&2; exit 1; }
done

# The cache key: this script, the JDK's exact release and the Debian suite. A new JDK build makes new bases.
key="$( (cat "$0" "$jdk/release"; echo "$suite") | sha256sum | cut -c1-12)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/aviary/base-images/$key"
jdk_tag=docker.io/library/eclipse-temurin:25-jdk
jre_tag=docker.io/library/eclipse-temurin:25-jre
label="dev.aviary.stand-in=$key"

present() {
  [ "$(podman image inspect --format '{{index .Labels "dev.aviary.stand-in"}}' "$1" 2>/dev/null)" = "$key" ]
}
if present "$jdk_tag" && present "$jre_tag"; then
  exit 0
fi

import() { # TARBALL TAG
  podman import --quiet \
    --change "LABEL $label" \
    --change "ENV JAVA_HOME=/opt/java/openjdk" \
    --change "ENV PATH=/opt/java/openjdk/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    --change "ENV LANG=C.UTF-8 LANGUAGE=en_US:en LC_ALL=C.UTF-8" \
    --change 'CMD ["jshell"]' \
    "$1" "$2" >/dev/null
}

if [ ! -f "$cache/jdk.tar" ] || [ ! -f "$cache/jre.tar" ]; then
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  debootstrap --variant=minbase --include=ca-certificates,curl "$suite" "$work/debian" >"$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
  rm -rf "$work/debian/var/cache/apt/archives/"*.deb "$work/debian/var/lib/apt/lists/"*
  cp --remove-destination /etc/ssl/certs/ca-certificates.crt "$work/debian/etc/ssl/certs/ca-certificates.crt"
  mkdir -p "$work/debian/opt/java" "$cache"

  # The JDK: copied whole, symlinks (Debian links cacerts to /etc/ssl/certs/java) copied as the files they name.
  cp -rL "$jdk" "$work/debian/opt/java/openjdk"
  tar -C "$work/debian" -cf "$cache/jdk.tar.part" .
  rm -rf "$work/debian/opt/java/openjdk"

  # The JRE: every module but the development tools (compiler, javadoc, jshell, jlink, jpackage, jdeps, jar tools,
    # debugger, hotspot agent, the Markdown doclet support that would pull the compiler in) and the incubating ones, as
  # the official JRE leaves them out.
  modules="$("$jdk/bin/java" --list-modules | sed 's/@.*//' \
    | grep -vxE 'jdk\.(compiler|javadoc|jshell|jlink|jpackage|jdeps|jartool|jdi|jdwp\.agent|hotspot\.agent|jstatd|internal\.(ed|le|opt|md)|editpad|incubator\..*)' \
    | paste -sd, -)"
  "$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
    --generate-cds-archive --output "$work/debian/opt/java/openjdk" >/dev/null
  cp --remove-destination -L "$jdk/lib/security/cacerts" "$work/debian/opt/java/openjdk/lib/security/cacerts"
  tar -C "$work/debian" -cf "$cache/jre.tar.part" .

  mv "$cache/jdk.tar.part" "$cache/jdk.tar"
  mv "$cache/jre.tar.part" "$cache/jre.tar"
  # Bases made for an earlier script or JDK: nearly a gigabyte each, never used again.
  find "$(dirname "$cache")" -mindepth 1 -maxdepth 1 -not -name "$key" -exec rm -rf {} +
fi

import "$cache/jdk.tar" "$jdk_tag"
import "$cache/jre.tar" "$jre_tag"
present "$jdk_tag" && present "$jre_tag" || { echo "The stand-in base images did not import" >&2; exit 1; }
