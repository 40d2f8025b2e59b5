#!/usr/bin/env bash
# Checks the container images without needing a registry or a container
# runtime: builds the amd64 and arm64 images (appliance/build-image.sh, from
# the binaries already built), exports each image's root filesystem, checks
# its layout (the binary, the CA bundle and the data dir owned by 10001;
# nothing else, no shell), then runs the exported binary chrooted in that root
# as uid 10001 (arm64 under qemu-aarch64-static) and checks /readyz over HTTPS
# and the SMTP greeting. Where the engine can run containers it also runs the
# amd64 image itself. What it cannot do here it says, and checks the rest.
set -euo pipefail
cd "$(dirname "$0")/.."

engine=""
for e in podman docker buildah; do
    if command -v "$e" >/dev/null; then engine=$e; break; fi
done
[ -n "$engine" ] || { echo "container-test: no podman, docker or buildah; nothing to do"; exit 0; }
if ! "$engine" info >/dev/null 2>&1 && [ "$engine" != buildah ]; then
    echo "container-test: $engine does not answer (no daemon or storage); nothing to do"; exit 0
fi
mapfile -t tags < <(appliance/build-image.sh --no-compile)
[ "${#tags[@]}" = 2 ] || { echo "container-test: build-image made ${#tags[@]} image(s)"; exit 1; }

work=$(mktemp -d)
pid=""
cleanup() {
    [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
    "$engine" rm -f "cloister-test-$$" >/dev/null 2>&1 || true
    rm -rf "$work"
}
trap cleanup EXIT
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The root filesystem of image $1 in directory $2, owners kept.
export_root() {
    local box="cloister-export-$$"
    mkdir -p "$2"
    case "$engine" in
        buildah) box=$(buildah from "$1"); buildah unshare sh -c "tar -C \"\$(buildah mount $box)\" -cf - ." | tar -C "$2" --numeric-owner -xpf -; buildah rm "$box" >/dev/null ;;
        *) "$engine" create --platform "linux/${1##*-}" --name "$box" "$1" >/dev/null
           "$engine" export "$box" | tar -C "$2" --numeric-owner -xpf -
           "$engine" rm "$box" >/dev/null ;;
    esac
}

# Only the binary, the CA bundle and the data dir (0700, owned by 10001); no shell.
check_layout() {
    local root=$1 files
    files=$(cd "$root" && find . -mindepth 1 \( -type f -o -type l \) | sort | tr '\n' ' ')
    [ "$files" = "./cloister ./etc/ssl/certs/ca-certificates.crt " ] || { echo "container-test: unexpected files: $files"; return 1; }
    [ "$(stat -c '%u:%g %a' "$root/data")" = "10001:10001 700" ] || { echo "container-test: /data is $(stat -c '%u:%g %a' "$root/data")"; return 1; }
    [ ! -e "$root/bin/sh" ] || { echo "container-test: the image has a shell"; return 1; }
    local want=x86-64
    [ "$2" = arm64 ] && want=aarch64
    file "$root/cloister" | grep -q "$want" || { echo "container-test: $2 image holds $(file -b "$root/cloister")"; return 1; }
}

# Serves from the exported root as uid 10001 (through $2, e.g. qemu) and checks HTTPS and SMTP.
serve_from_root() {
    local root=$1 runner=$2 https smtp
    https=$(free_port); smtp=$(free_port)
    env -i CLOISTER_DATA_DIR=/data CLOISTER_HOSTNAME=cloister.test \
        CLOISTER_WEB__LISTEN="127.0.0.1:$https" CLOISTER_SMTP__LISTEN="127.0.0.1:$smtp" \
        CLOISTER_METRICS__LISTEN="" CLOISTER_RELAY__HOST=127.0.0.1 CLOISTER_RELAY__PORT="$(free_port)" \
        "$(command -v chroot)" --userspec=10001:10001 "$root" $runner /cloister serve > "$work/serve.log" 2>&1 &
    pid=$!
    check_serving "$https" "$smtp" || { cat "$work/serve.log"; return 1; }
    kill "$pid"; wait "$pid" 2>/dev/null || true; pid=""
}

check_serving() {  # https-port smtp-port
    for _ in $(seq 1 150); do
        if [ "$(curl -ks "https://127.0.0.1:$1/readyz" || true)" = "ready" ]; then
            greeting=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$2; head -c 3 <&3")
            [ "$greeting" = "220" ] || { echo "container-test: SMTP said '$greeting'"; return 1; }
            return 0
        fi
        sleep 0.2
    done
    echo "container-test: never ready"
    return 1
}

can_chroot=0
if [ "$(id -u)" = 0 ]; then can_chroot=1; fi
for tag in "${tags[@]}"; do
    arch=${tag##*-}
    root="$work/root-$arch"
    export_root "$tag" "$root"
    check_layout "$root" "$arch"
    echo "container-test: $tag: layout as meant ($arch binary, CA bundle, /data 0700 owned by 10001, no shell)"
    if [ "$can_chroot" = 0 ]; then
        echo "container-test: not root, so the exported $arch binary is not run chrooted"
        continue
    fi
    runner=""
    if [ "$arch" = arm64 ]; then
        cp "$(command -v qemu-aarch64-static)" "$root/qemu-aarch64-static"
        runner=/qemu-aarch64-static
    fi
    serve_from_root "$root" "$runner"
    echo "container-test: $tag: its own binary served from its root as uid 10001 (HTTPS ready, SMTP 220)"
done

# The container itself, where this engine can run one.
name="cloister-test-$$"
if [ "$engine" != buildah ] && "$engine" run -d --name "$name" -p 127.0.0.1::8443 -p 127.0.0.1::2525 "${tags[0]}" >/dev/null 2>&1; then
    https=$("$engine" port "$name" 8443/tcp | head -1 | sed 's/.*://')
    smtp=$("$engine" port "$name" 2525/tcp | head -1 | sed 's/.*://')
    check_serving "$https" "$smtp" || { "$engine" logs "$name" || true; exit 1; }
    echo "container-test: the amd64 container serves (HTTPS ready, SMTP 220)"
else
    echo "container-test: $engine cannot run containers here; the exported roots were checked instead"
fi
