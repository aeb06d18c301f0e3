#!/usr/bin/env bash
# Benchmark of the provider's read endpoints on one Payara Micro with the embedded H2 database.
# Builds the WAR if needed, starts it on a free loopback port with a throw-away database, reports
# start time and RSS, then runs HttpBench (closed loop, loopback only) and stops the server.
#   src/bench/run-bench.sh [threads] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=${1:-8}
seconds=${2:-20}
[ -f target/gatehouse.war ] && [ -f target/payara-micro.jar ] || mvn -B -q package -DskipTests

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -rf "$data"' EXIT
started=$(date +%s%N)
(cd "$data" && OIDC_ISSUER=http://localhost:$port exec java -Xmx512m -jar "$OLDPWD/target/payara-micro.jar" \
  --deploy "$OLDPWD/target/gatehouse.war" --contextroot / --port "$port" --nocluster --disablephonehome \
  --prebootcommandfile "$OLDPWD/server-config/pre-boot-commands-local.asadmin" > "$data/server.log" 2>&1) &
server=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/.well-known/openid-configuration" > /dev/null 2>&1 && break
  sleep 0.25
done
echo "bench: first discovery answer $(( ($(date +%s%N) - started) / 1000000 )) ms after java -jar"
pid=$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)
echo "bench: RSS after start $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
java src/bench/java/dev/gatehouse/bench/HttpBench.java "$threads" "$seconds" 10 \
  "http://127.0.0.1:$port/.well-known/openid-configuration" \
  "http://127.0.0.1:$port/jwks.json"
echo "bench: RSS after load $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
