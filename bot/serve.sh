#!/usr/bin/env bash
# Starts the action server, then Rasa: `bot/serve.sh run` (REST + socket.io server) or `bot/serve.sh shell`.
# Ports: GUICHET_PORT (Rasa, default 5005); the action server listens on 5055, as endpoints.yml says.
# Allowed browser origins: GUICHET_CORS (default: the local widget page's origins).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-run}
port=${GUICHET_PORT:-5005}
actions_port=5055
cors=${GUICHET_CORS:-"http://localhost:$port http://127.0.0.1:$port"}
export SQLALCHEMY_SILENCE_UBER_WARNING=1 RASA_TELEMETRY_ENABLED=false
mkdir -p build

.venv/bin/rasa run actions --actions actions --port "$actions_port" >build/actions.log 2>&1 &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://localhost:$actions_port/health" >/dev/null 2>&1 && break
  kill -0 "$actions_pid" 2>/dev/null || { cat build/actions.log; exit 1; }
  sleep 1
done

if [ "$mode" = shell ]; then
  exec .venv/bin/rasa shell --endpoints endpoints.yml --model models
fi
cat <<MSG
Guichet is starting (model loading takes a few seconds):
  REST webhook  POST http://localhost:$port/webhooks/rest/webhook  {"sender": "me", "message": "hello"}
  socket.io     http://localhost:$port/socket.io
  web page      http://localhost:$port/web/   (français : http://localhost:$port/web/fr/)
  actions log   build/actions.log
MSG
.venv/bin/rasa run --enable-api --port "$port" --cors $cors --credentials credentials.yml \
  --endpoints endpoints.yml --model models
