#!/bin/bash
# Table locks under /proc hidepid=2 (hardened hosts, systemd's ProtectProc=invisible): a root
# master and workers that switched to uid 65534, which can neither see the master in /proc nor
# signal it (EPERM). They must never take the master's locks. Runs in a private mount namespace,
# so the host's /proc is untouched. Prints PASS/FAIL/SKIP lines; exit 1 on FAIL.
source "$(dirname "$0")/common.sh"
label="hidepid=2, root master, uid 65534 workers"
skip_unless_root "$label" || exit 0
run_case "$label" unshare -m --propagation private bash -c '
    mount -t proc -o hidepid=2 proc /proc 2>/dev/null || { echo "SKIP $1: cannot mount /proc with hidepid=2"; exit 0; }
    shift
    exec "$@"' _ "$label" "${PHPX[@]}" "$STRESS" hidepid "$SECONDS_EACH" "$label"
