#!/usr/bin/env bash
# Installs Cloister as a service on Debian / Raspberry Pi OS (run as root):
#   appliance/install.sh [--binary PATH]        install or upgrade (idempotent)
#   appliance/install.sh --uninstall            remove binary and unit, keep config and data
#   appliance/install.sh --uninstall --purge    also remove /etc/cloister and /var/lib/cloister
# --root DIR installs into DIR instead of / (packaging, tests); the service is
# then neither enabled nor started.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"

root=/
binary=""
action=install
purge=no
while [ $# -gt 0 ]; do
    case "$1" in
        --binary) binary="$2"; shift 2 ;;
        --root) root="$2"; shift 2 ;;
        --uninstall) action=uninstall; shift ;;
        --purge) purge=yes; shift ;;
        -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
    esac
done
[ "$(id -u)" = 0 ] || { echo "install.sh: run as root (sudo $0 $*)" >&2; exit 1; }
root="${root%/}"
bin_path="$root/usr/local/bin/cloister"
unit_path="$root/etc/systemd/system/cloister.service"
conf_dir="$root/etc/cloister"
conf="$conf_dir/cloister.toml"
data="$root/var/lib/cloister"
live_systemd=no
if [ -z "$root" ] && [ -d /run/systemd/system ]; then live_systemd=yes; fi

if [ "$action" = uninstall ]; then
    if [ "$live_systemd" = yes ]; then systemctl disable --now cloister.service 2>/dev/null || true; fi
    rm -f "$bin_path" "$unit_path"
    [ "$live_systemd" = yes ] && systemctl daemon-reload
    if [ "$purge" = yes ]; then
        rm -rf "$conf_dir" "$data"
        userdel --root "${root:-/}" cloister 2>/dev/null || true
        echo "removed Cloister, its configuration, its data and the cloister user"
    else
        echo "removed the binary and the unit; kept $conf and $data (add --purge to remove them)"
    fi
    exit 0
fi

if [ -z "$binary" ]; then
    case "$(uname -m)" in
        aarch64) binary="$repo/target/aarch64-unknown-linux-gnu/release/cloister" ;;
        *) binary="$repo/target/x86_64-unknown-linux-gnu/release/cloister" ;;
    esac
fi
[ -x "$binary" ] || { echo "install.sh: no binary at $binary (cargo build --release, or --binary PATH)" >&2; exit 1; }

# The system user (no login, no home of its own) owning the data.
if ! getent --service=files passwd cloister >/dev/null 2>&1 && ! grep -q '^cloister:' "$root/etc/passwd" 2>/dev/null; then
    useradd --root "${root:-/}" --system --user-group --home-dir /var/lib/cloister --no-create-home \
        --shell /usr/sbin/nologin --comment "Cloister secure messages" cloister
fi

install -d -m 0755 "$root/usr/local/bin" "$root/etc/systemd/system"
install -m 0755 "$binary" "$bin_path.new" && mv -f "$bin_path.new" "$bin_path"
install -m 0644 "$repo/systemd/cloister.service" "$unit_path"
install -d -m 0750 "$conf_dir"
if [ -e "$conf" ]; then
    echo "kept the existing $conf"
else
    # The documented sample with the defaults commented out; the service keeps
    # its data in the state directory systemd gives it.
    (umask 0137 && "$binary" --data-dir /var/lib/cloister init --config-only --dir "$conf_dir" >/dev/null)
    chmod 0640 "$conf"
    echo "wrote $conf (defaults commented out; the full reference is appliance/cloister.toml)"
fi
chgrp cloister "$conf_dir" "$conf" 2>/dev/null || chgrp "$(grep '^cloister:' "$root/etc/group" | cut -d: -f3)" "$conf_dir" "$conf"
install -d -m 0700 "$data"
chown "$(grep '^cloister:' "$root/etc/passwd" | cut -d: -f3,4)" "$data"

if [ "$live_systemd" = yes ]; then
    systemctl daemon-reload
    systemctl enable cloister.service
    systemctl restart cloister.service
fi

cat <<NEXT
Cloister is installed: $bin_path, $unit_path, $conf, $data.
Next steps (run cloister commands as the service user, so files stay its own;
C="sudo -u cloister cloister --config /etc/cloister/cloister.toml"):
  1. Edit $conf: internal_domains, [relay] (your mail server), [web] public_url,
     then check it:        \$C check-config
     and apply it:         systemctl reload cloister   (a bad file is refused and logged)
  2. Trust the local CA on your mail server and browsers (tls.mode = "auto"):
                           \$C ca > cloister-ca.pem
  3. Publish the DKIM record Cloister signs with:
                           \$C dkim
  4. Point your mail server at Cloister: appliance/postfix.md (Postfix) or
     appliance/exchange.md (Exchange).
  5. Create the first admin: \$C admin add NAME
     (prints a password and a TOTP secret; sign in at <public_url>/admin).
NEXT
