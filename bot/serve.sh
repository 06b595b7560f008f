#!/usr/bin/env bash
# `bot/serve.sh run`: Guichet's servers as bot/launch.py starts them (the same code the end-to-end tests
# use): everything on 127.0.0.1 unless GUICHET_HOST says otherwise (the Rasa port only; the action
# server always stays on loopback), Rasa's HTTP API off unless GUICHET_API_TOKEN is set.
# `bot/serve.sh shell`: the action server, then `rasa shell`, for staff trying the assistant.
# Every GUICHET_* setting: bot/settings.py and the README.
set -euo pipefail
cd "$(dirname "$0")/.."
export SQLALCHEMY_SILENCE_UBER_WARNING=1 RASA_TELEMETRY_ENABLED=false
mkdir -p build
if [ "${1:-run}" = run ]; then
  exec .venv/bin/python -m bot.launch
fi

actions_port=5055  # as endpoints.yml says
SANIC_HOST=127.0.0.1 .venv/bin/rasa run actions --actions actions --port "$actions_port" >build/actions.log 2>&1 &
actions_pid=$!
trap 'kill "$actions_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  curl -fs "http://127.0.0.1:$actions_port/health" >/dev/null 2>&1 && break
  kill -0 "$actions_pid" 2>/dev/null || { cat build/actions.log; exit 1; }
  sleep 1
done
.venv/bin/rasa shell --endpoints endpoints.yml --model models
