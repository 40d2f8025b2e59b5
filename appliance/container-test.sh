#!/usr/bin/env bash
# Builds the FROM-scratch image and checks that it serves: /readyz over HTTPS
# answers "ready" and SMTP greets. Needs docker or podman with a running
# engine; tests/run.sh calls it only when one answers (README: Tests).
set -euo pipefail
cd "$(dirname "$0")/.."
engine=""
for e in docker podman; do
    if command -v "$e" >/dev/null && "$e" info >/dev/null 2>&1; then engine=$e; break; fi
done
[ -n "$engine" ] || { echo "container-test: no container engine answers; nothing to do"; exit 0; }
tag="cloister-test:$$"
name="cloister-test-$$"
trap '"$engine" rm -f "$name" >/dev/null 2>&1 || true; "$engine" rmi "$tag" >/dev/null 2>&1 || true' EXIT
"$engine" build -t "$tag" -f Containerfile .
"$engine" run -d --name "$name" -p 127.0.0.1::8443 -p 127.0.0.1::2525 "$tag" >/dev/null
https=$("$engine" port "$name" 8443/tcp | head -1 | sed 's/.*://')
smtp=$("$engine" port "$name" 2525/tcp | head -1 | sed 's/.*://')
for _ in $(seq 1 50); do
    if [ "$(curl -ks "https://127.0.0.1:$https/readyz" || true)" = "ready" ]; then
        greeting=$(timeout 5 bash -c "exec 3<>/dev/tcp/127.0.0.1/$smtp; head -c 3 <&3")
        [ "$greeting" = "220" ] || { echo "container-test: SMTP said '$greeting'"; exit 1; }
        echo "container-test: the image serves (HTTPS ready, SMTP 220)"
        exit 0
    fi
    sleep 0.2
done
"$engine" logs "$name" || true
echo "container-test: the container never became ready"
exit 1
