#!/usr/bin/env bash
# Runs every Fyren test, on a fresh machine too: first installs what the
# tests need and is missing (Debian's Chromium and ChromeDriver for the
# browser tests, redis-server for the cluster-mode tests, nginx and
# Prometheus's promtool for the ops checks), starts Redis when none answers
# on 127.0.0.1:6379 (unless FYREN_TEST_REDIS_URL points elsewhere), checks
# the ops configuration, runs the Maven wrapper, and then a chat through a
# local two-node cluster (ops/local-cluster.sh). Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
# Thai glyphs, so the widget's Thai screenshots show text rather than boxes.
{ command -v fc-list >/dev/null 2>&1 && fc-list :lang=th | grep -q .; } || missing+=(fonts-thai-tlwg)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

redis_answers() {
  # A PING over bash's /dev/tcp, so redis-cli is not needed.
  # The braces keep 2>/dev/null to this line: on a bare exec it would
  # silence the script's stderr for good.
  { exec 3<>/dev/tcp/127.0.0.1/6379; } 2>/dev/null || return 1
  printf 'PING\r\n' >&3
  local reply
  read -r -t 2 reply <&3 || true
  exec 3>&-
  [[ "$reply" == "+PONG"* ]]
}

if [ -z "${FYREN_TEST_REDIS_URL:-}" ] && ! redis_answers; then
  echo "Starting redis-server on 127.0.0.1:6379 for the tests"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no >/dev/null
  for _ in $(seq 1 50); do
    redis_answers && break
    sleep 0.1
  done
fi

ops/check-config.sh

# The loadtest profile adds the load-test harness to the build (it has no
# tests of its own), so it never rots and the cluster check can use it.
./mvnw -B -Ploadtest verify "$@"

ops/local-cluster.sh --no-build
