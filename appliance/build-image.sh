#!/usr/bin/env bash
# Builds the FROM-scratch images of Cloister for amd64 and arm64 from the
# static binaries built outside them (no registry needed), with podman,
# docker or buildah, whichever is here:
#   1. the binaries: `cargo build --release` and appliance/build-aarch64.sh
#      (skipped with --no-compile when target/*/release/cloister exist);
#   2. the build context dist/: <arch>/cloister, ca-certificates.crt, volume/data/ (0700);
#   3. per architecture an image cloister:<version>-<arch> and its OCI archive
#      cloister-<version>-<arch>.tar (to carry into an air-gapped site and
#      `podman load -i` / `docker load -i` there), and with podman a manifest
#      list cloister:<version> naming both.
# Prints the image names, one per line, last.
set -euo pipefail
cd "$(dirname "$0")/.."

compile=1
[ "${1:-}" = "--no-compile" ] && compile=0
engine=""
for e in podman docker buildah; do
    if command -v "$e" >/dev/null; then engine=$e; break; fi
done
[ -n "$engine" ] || { echo "build-image: no podman, docker or buildah here" >&2; exit 2; }

x86=target/x86_64-unknown-linux-gnu/release/cloister
arm=target/aarch64-unknown-linux-gnu/release/cloister
if [ "$compile" = 1 ]; then
    cargo build --release --locked >&2
    appliance/build-aarch64.sh >&2
fi
for bin in "$x86" "$arm"; do
    [ -x "$bin" ] || { echo "build-image: $bin is missing (run without --no-compile)" >&2; exit 2; }
done
version=$("$x86" version | awk '{print $2}')

rm -rf dist
# volume/data: the data dir, copied with its mode (0700) into the image's root.
mkdir -p dist/amd64 dist/arm64 dist/volume/data
chmod 700 dist/volume/data
cp "$x86" dist/amd64/cloister
cp "$arm" dist/arm64/cloister
cp /etc/ssl/certs/ca-certificates.crt dist/ca-certificates.crt

build() {  # arch tag
    case "$engine" in
        buildah) buildah build --platform "linux/$1" --build-arg "TARGETARCH=$1" -t "$2" -f Containerfile dist >&2 ;;
        *) "$engine" build --platform "linux/$1" --build-arg "TARGETARCH=$1" -t "$2" -f Containerfile dist >&2 ;;
    esac
}
save() {  # tag file
    rm -f "$2"
    case "$engine" in
        podman) podman save --format oci-archive -o "$2" "$1" >&2 ;;
        buildah) buildah push "$1" "oci-archive:$2" >&2 ;;
        docker) docker save -o "$2" "$1" >&2 ;;
    esac
}
tags=()
for arch in amd64 arm64; do
    tag="localhost/cloister:$version-$arch"
    build "$arch" "$tag"
    save "$tag" "cloister-$version-$arch.tar"
    echo "build-image: $tag -> cloister-$version-$arch.tar" >&2
    tags+=("$tag")
done
if [ "$engine" = podman ]; then
    podman manifest rm "localhost/cloister:$version" >/dev/null 2>&1 || true
    podman manifest create "localhost/cloister:$version" >/dev/null
    for tag in "${tags[@]}"; do
        podman manifest add "localhost/cloister:$version" "containers-storage:$tag" >/dev/null
    done
    echo "build-image: manifest list localhost/cloister:$version (amd64, arm64)" >&2
fi
printf '%s\n' "${tags[@]}"
