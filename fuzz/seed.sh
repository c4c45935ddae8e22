#!/usr/bin/env bash
# Seeds each fuzz target's corpus (fuzz/corpus/<target>/, not committed) from the repository's
# real events in tests/fixtures/ and a few hand-picked inputs. Idempotent; run it before a
# campaign (fuzz/run.sh does).
set -euo pipefail
cd "$(dirname "$0")"
fixtures=../tests/fixtures

seed() { # seed TARGET NAME CONTENT
    mkdir -p "corpus/$1"
    printf '%s' "$3" > "corpus/$1/$2"
}

# Raw events: every fixture as it is (HTTP events of every source, batches, foreign events).
mkdir -p corpus/dispatch_raw
for f in "$fixtures"/*.json; do
    cp "$f" "corpus/dispatch_raw/$(basename "$f")"
done

# The local server's conversion and the parsers take arbitrary-crate input: a few raw byte
# strings made from the fixtures' texts give them real header names and values to start from.
for target in event_mutations local_event parsers router percent_query path_template; do
    mkdir -p "corpus/$target"
done
i=0
for f in "$fixtures"/*.json; do
    head -c 512 "$f" > "corpus/event_mutations/fixture-$i"
    head -c 256 "$f" > "corpus/local_event/fixture-$i"
    i=$((i + 1))
done
seed path_template todos '/todos/<id>'
seed path_template rest '/files/<path..>'
seed path_template root '/'
seed path_template bad '/a/<id>/<id>/<x..>/b'
seed percent_query query 'limit=10&tag=x%20y&tag=z&q=a+b'
seed percent_query bad '%zz&%E2%82&=&&a=b=c'
seed parsers cookie 'session=abc; theme=dark; =x; y'
seed parsers accept 'gzip;q=0.5, identity;q=1, *;q=0'
seed parsers origin 'https://*.example.com'
seed router routes 'aaaaaaaabbbbbbbbcccccccc'
