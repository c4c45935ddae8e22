#!/usr/bin/env bash
# Builds every fuzz target and runs each for FUZZ_SECONDS (default 30), seeded from the
# repository's fixtures; exits non-zero on the first finding (a crash, a panic, a broken
# invariant, a leak or a timeout), leaving the input in fuzz/artifacts/<target>/.
#
#   bash fuzz/run.sh                        # the CI smoke run, ~30 s per target
#   FUZZ_SECONDS=1800 bash fuzz/run.sh      # the long campaign, 30 min per target
#   FUZZ_TARGETS="router parsers" bash fuzz/run.sh
set -euo pipefail
cd "$(dirname "$0")"
seconds="${FUZZ_SECONDS:-30}"
targets="${FUZZ_TARGETS:-dispatch_raw event_mutations router path_template percent_query local_event parsers}"

./seed.sh
# No sanitizer: the code under test forbids `unsafe`; what the targets look for is panics and
# broken invariants, and an uninstrumented build runs about twice as many inputs.
cargo +nightly fuzz build -s none
for target in $targets; do
    echo "== fuzz $target for ${seconds}s"
    mkdir -p artifacts
    log="artifacts/$target.log"
    status=0
    cargo +nightly fuzz run -s none "$target" -- \
        -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 -max_len=65536 \
        -print_final_stats=1 >"$log" 2>&1 || status=$?
    # The figures: executions, coverage (cov: edges, ft: features), corpus size.
    grep -E "^#[0-9]+[[:space:]]+(DONE|INITED)|stat::number_of_executed_units|stat::peak_rss_mb" "$log" || true
    if [ "$status" -ne 0 ]; then
        tail -n 60 "$log"
        echo "fuzz target $target found a failing input (exit $status): see fuzz/artifacts/$target/"
        exit "$status"
    fi
done
echo "fuzz: every target ran ${seconds}s without a finding"
