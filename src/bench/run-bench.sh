#!/usr/bin/env bash
# Benchmark of the provider on one Payara Micro with the embedded H2 database: the read endpoints
# (discovery, JWKS) and the machine-to-machine hot path (client_credentials at /token, which signs
# a JWT and writes its grant and token record; /introspect of an access token), the sample API
# with that token (bearer filter: JWT checks and the revocation lookup) and refresh-token
# rotation (refresh_token at /token: consumes the presented token, issues a new refresh token, an
# access token and an ID token, each request presenting the token the previous one returned).
# Builds the WAR if needed, starts it on a free loopback port with a throw-away database, reports
# start time and RSS, then runs HttpBench (closed loop, loopback only) and stops the server.
#   src/bench/run-bench.sh [threads] [seconds]
#   BENCH_DB=postgresql src/bench/run-bench.sh [threads] [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
threads=${1:-8}
seconds=${2:-20}
[ -f target/gatehouse.war ] && [ -f target/payara-micro.jar ] || mvn -B -q package -DskipTests

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$data"
  if [ "${BENCH_DB:-h2}" = postgresql ]; then
    psql -h 127.0.0.1 -U postgres -d postgres -q -c "DROP DATABASE IF EXISTS gatehouse_bench" || true
  fi
}
trap cleanup EXIT
# BENCH_DB=postgresql: a throw-away database gatehouse_bench on 127.0.0.1:5432 (trust auth, user
# postgres) through the server datasource of server-config/, with a bench user made by the admin API.
database=()
user=demo
if [ "${BENCH_DB:-h2}" = postgresql ]; then
  psql -h 127.0.0.1 -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "DROP DATABASE IF EXISTS gatehouse_bench" -c "CREATE DATABASE gatehouse_bench"
  database=(--postbootcommandfile "$PWD/server-config/post-boot-commands-postgresql.asadmin")
  export GATEHOUSE_PG_DB=gatehouse_bench GATEHOUSE_PG_USER=postgres OIDC_DB_JNDI_NAME=jdbc/gatehouse
  export OIDC_KEYS_ENCRYPTION_SECRET=bench-only-$RANDOM$RANDOM$RANDOM$RANDOM
  user=bench
fi
# The admin API creates the machine-to-machine client (open registration cannot) and the PG user.
export OIDC_ADMIN_TOKEN=bench-only-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d " \n")
started=$(date +%s%N)
(cd "$data" && OIDC_ISSUER=http://localhost:$port exec java -Xmx512m -jar "$OLDPWD/target/payara-micro.jar" \
  --deploy "$OLDPWD/target/gatehouse.war" --contextroot / --port "$port" --nocluster --disablephonehome \
  --prebootcommandfile "$OLDPWD/server-config/pre-boot-commands-local.asadmin" \
  "${database[@]}" > "$data/server.log" 2>&1) &
server=$!
for _ in $(seq 1 240); do
  curl -sf "http://127.0.0.1:$port/.well-known/openid-configuration" > /dev/null 2>&1 && break
  sleep 0.25
done
curl -sf "http://127.0.0.1:$port/.well-known/openid-configuration" > /dev/null \
  || { echo "bench: the provider did not start; its log:" >&2; tail -50 "$data/server.log" >&2; exit 1; }
echo "bench: first discovery answer $(( ($(date +%s%N) - started) / 1000000 )) ms after java -jar"
pid=$(pgrep -f -- "payara-micro.jar.*--port $port" | head -1)
echo "bench: RSS after start $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
base="http://127.0.0.1:$port"
field() { python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
client=$(curl -sf -X POST "$base/admin/clients" -H "Authorization: Bearer $OIDC_ADMIN_TOKEN" \
  -H 'Content-Type: application/json' \
  -d '{"client_name":"bench","grant_types":["client_credentials"],"scope":"read"}')
credentials="$(echo "$client" | field client_id):$(echo "$client" | field client_secret)"
token=$(curl -sf -u "$credentials" "$base/token" -d grant_type=client_credentials | field access_token)
# A web app whose users signed in (the demo user, through the login and consent pages): one
# refresh token per thread, each then rotated on every request.
if [ "$user" = bench ]; then
  curl -sf -X POST "$base/admin/users" -H "Authorization: Bearer $OIDC_ADMIN_TOKEN" \
    -H 'Content-Type: application/json' -d '{"username":"bench","password":"bench-password-1"}' > /dev/null
  password=bench-password-1
else
  password=demo
fi
callback=https://bench.example/callback
web=$(curl -sf -X POST "$base/register" -H 'Content-Type: application/json' \
  -d '{"client_name":"bench web","redirect_uris":["'$callback'"],"grant_types":["authorization_code","refresh_token"]}')
web_credentials="$(echo "$web" | field client_id):$(echo "$web" | field client_secret)"
BENCH_REFRESH_TOKENS=$(java src/bench/java/dev/gatehouse/bench/RefreshTokens.java "$base" "$web_credentials" \
  "$callback" "$threads" "$user" "$password")
export BENCH_REFRESH_TOKENS
BENCH_CLIENT="$credentials" java src/bench/java/dev/gatehouse/bench/HttpBench.java "$threads" "$seconds" 10 \
  "$base/.well-known/openid-configuration" \
  "$base/jwks.json" \
  "$base/token|grant_type=client_credentials" \
  "$base/introspect|token=$token" \
  "$base/api/secure-data|Bearer $token" \
  "$base/token|grant_type=refresh_token&refresh_token={refresh_token}|$web_credentials"
echo "bench: RSS after load $(( $(ps -o rss= -p "$pid") / 1024 )) MB"
