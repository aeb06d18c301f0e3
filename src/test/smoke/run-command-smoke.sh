#!/usr/bin/env bash
# Smoke test of the README's run command (mvn -Prun) on the embedded H2 database:
# discovery and JWKS answer, and after a restart the JWKS is unchanged (keys survive restarts).
# Prints the time from launching the command to the first discovery answer, and the server's RSS.
# Uses a free loopback port and a throw-away data folder, so a developer's own data is untouched.
set -euo pipefail
cd "$(dirname "$0")/../../.."

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
export OIDC_PORT=$port
export OIDC_ISSUER=http://localhost:$port
export OIDC_DB_EMBEDDED_URL="jdbc:h2:file:$data/h2/gatehouse;LOCK_TIMEOUT=10000"
base=http://127.0.0.1:$port
pgid=""

stop_provider() {
  if [ -n "$pgid" ]; then
    kill -TERM -- "-$pgid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 -- "-$pgid" 2>/dev/null || break; sleep 1; done
    kill -KILL -- "-$pgid" 2>/dev/null || true
    pgid=""
  fi
}
trap 'stop_provider; rm -rf "$data"' EXIT

start_provider() {
  local label=$1 started
  started=$(date +%s%N)
  setsid mvn -B -q -Prun > "$data/run-$label.log" 2>&1 &
  pgid=$!
  for _ in $(seq 1 240); do
    if curl -sf "$base/.well-known/openid-configuration" > /dev/null 2>&1; then
      echo "smoke: $label start: first discovery answer $(( ($(date +%s%N) - started) / 1000000 )) ms after 'mvn -Prun'"
      return 0
    fi
    kill -0 "$pgid" 2>/dev/null || break
    sleep 0.5
  done
  echo "smoke: FAILED: the provider did not answer discovery ($label start); log tail:" >&2
  tail -50 "$data/run-$label.log" >&2
  exit 1
}

start_provider first
issuer=$(curl -sf "$base/.well-known/openid-configuration" | python3 -c 'import json,sys; print(json.load(sys.stdin)["issuer"])')
[ "$issuer" = "$OIDC_ISSUER" ] || { echo "smoke: FAILED: issuer '$issuer' != '$OIDC_ISSUER'" >&2; exit 1; }
jwks_before=$(curl -sf "$base/jwks.json")
kids=$(printf '%s' "$jwks_before" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["keys"]))')
[ "$kids" -ge 2 ] || { echo "smoke: FAILED: expected the active and next keys in the JWKS" >&2; exit 1; }
server_pid=$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)
echo "smoke: RSS after start: $(( $(ps -o rss= -p "$server_pid") / 1024 )) MB"
stop_provider

start_provider second
jwks_after=$(curl -sf "$base/jwks.json")
if [ "$jwks_before" != "$jwks_after" ]; then
  echo "smoke: FAILED: the JWKS changed across a restart" >&2
  exit 1
fi
echo "smoke: JWKS unchanged across restart ($kids keys)"
echo "smoke: 2 passed, 0 failed"
