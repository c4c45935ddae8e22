#!/usr/bin/env bash
# The todos API's OpenAPI document, proven by outside tools (issue 9), run by .ci/run:
#   1. openapi-spec-validator (PyPI) on `todos --openapi`;
#   2. schemathesis (PyPI) against the local server: every operation, a bounded number of
#      examples, no 5xx, every documented response matching its schema;
#   3. a headless Chromium (Debian's `chromium`) loading Swagger UI at /docs from the local
#      server with every other host unreachable: the operations must be listed; the
#      screenshot is kept at target/openapi/swagger-ui.png.
# Installs what it needs: a venv under target/openapi/venv, `apt-get install chromium`.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=target/openapi
mkdir -p "$out"

echo "== openapi: tools"
if [ ! -x "$out/venv/bin/schemathesis" ] || [ ! -x "$out/venv/bin/openapi-spec-validator" ]; then
    python3 -m venv "$out/venv" || {
        apt-get update -qq && apt-get install -y -qq python3-venv && python3 -m venv "$out/venv"
    }
    "$out/venv/bin/pip" install -q --disable-pip-version-check \
        'openapi-spec-validator>=0.7,<0.10' 'schemathesis>=4,<5'
fi
if ! command -v chromium >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
fi

echo "== openapi: build todos with Swagger UI"
cargo build -q -p todos --features swagger-ui
todos=target/debug/todos

echo "== openapi: openapi-spec-validator"
"$todos" --openapi > "$out/todos.json"
"$out/venv/bin/openapi-spec-validator" "$out/todos.json"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
PORT=$port "$todos" > "$out/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 1)" 2>/dev/null; then
        break
    fi
    sleep 0.1
done
base="http://127.0.0.1:$port"

echo "== openapi: schemathesis"
# Examples per operation, bounded; the seed makes a failure reproducible. Run from $out:
# schemathesis keeps a `.schemathesis/` cache in its working directory.
(cd "$out" && venv/bin/schemathesis run "$base/openapi.json" \
    --url "$base" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance,response_headers_conformance \
    --max-examples "${SCHEMATHESIS_EXAMPLES:-40}" \
    --seed 9 \
    --no-color \
    --report junit --report-dir schemathesis)

echo "== openapi: headless chromium on /docs"
# No network: every host name but 127.0.0.1 fails to resolve, and a dead proxy catches the
# rest; loopback is never proxied.
chrome=(chromium --headless --no-sandbox --disable-gpu --disable-dev-shm-usage
    --no-first-run --disable-background-networking --disable-component-update
    --host-resolver-rules="MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
    --proxy-server=http://127.0.0.1:9
    --window-size=1280,1800 --virtual-time-budget=15000)
timeout 120 "${chrome[@]}" --dump-dom "$base/docs" > "$out/swagger-ui.html" 2> "$out/chromium.log"
timeout 120 "${chrome[@]}" --screenshot="$out/swagger-ui.png" "$base/docs" >> "$out/chromium.log" 2>&1
missing=0
for operation in list_todos create_todo get_todo update_todo delete_todo; do
    if ! grep -q "id=\"operations-todos-$operation\"" "$out/swagger-ui.html"; then
        echo "Swagger UI does not list $operation" >&2
        missing=1
    fi
done
if [ "$missing" != 0 ] || [ ! -s "$out/swagger-ui.png" ]; then
    echo "Swagger UI check failed; DOM in $out/swagger-ui.html, log in $out/chromium.log" >&2
    exit 1
fi
echo "Swagger UI lists the 5 operations; screenshot: $out/swagger-ui.png"
