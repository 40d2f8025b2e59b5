#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer on the stable toolchain and runs each
# for FUZZ_SECONDS (20 by default) on a copy of its committed corpus, as many
# at once as there are cores (half the wall time on CI's two); a crash,
# a timeout or running out of memory fails the run and leaves the input in
# tests/fuzz/artifacts/ (turn it into a regression test, then add it to the corpus).
#   FUZZ_SECONDS=600 tests/fuzz/run.sh            all targets, ten minutes each
#   FUZZ_SECONDS=60 tests/fuzz/run.sh html_render one target
set -euo pipefail
cd "$(dirname "$0")"

targets=(smtp_session mime_summary html_render multipart_form config_file vault_records directory_answers passkey_answers)
if [ $# -gt 0 ]; then targets=("$@"); fi
seconds=${FUZZ_SECONDS:-20}
triple=x86_64-unknown-linux-gnu

# What `cargo fuzz --sanitizer none` passes: coverage counters and comparison
# tracing for libFuzzer, no sanitizer (that would need nightly). RUSTFLAGS
# replaces the project's +crt-static, which libFuzzer cannot run with.
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Cllvm-args=-sanitizer-coverage-stack-depth \
-Cllvm-args=-simplifycfg-branch-fold-threshold=0 --cfg fuzzing -Ctarget-feature=-crt-static"
cargo build --locked --release --target "$triple" --bins --quiet

mkdir -p artifacts
# One target's run: its verdict on stdout, its log's tail on failure.
fuzz_one() {
    local target=$1 work log runs
    work=$(mktemp -d)
    cp corpus/"$target"/* "$work"/
    log=$(mktemp)
    if ./target/"$triple"/release/"$target" "$work" -max_total_time="$seconds" \
        -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        -artifact_prefix=artifacts/"$target"- >"$log" 2>&1; then
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
        echo "fuzz $target: ${runs:-?} runs in ${seconds} s, no crash"
        rm -rf "$work" "$log"
    else
        echo "fuzz $target: FAILED; last lines of its log:" >&2
        tail -n 40 "$log" >&2
        rm -rf "$work" "$log"
        return 1
    fi
}
# libFuzzer runs on one core: as many targets at once as there are cores.
jobs=$(nproc)
status=0
for ((i = 0; i < ${#targets[@]}; i += jobs)); do
    pids=()
    for target in "${targets[@]:i:jobs}"; do
        fuzz_one "$target" &
        pids+=($!)
    done
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
done
exit $status
