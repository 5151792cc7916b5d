#!/usr/bin/env bash
# Runs every Fyren test, on a fresh machine too: first installs what the
# tests need and is missing (Debian's Chromium and ChromeDriver for the
# browser tests, nginx and Prometheus's promtool for the ops checks), checks
# the ops configuration, runs the Maven wrapper, and then, once cluster mode
# exists, a chat through a local two-node cluster (ops/local-cluster.sh).
# Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v promtool >/dev/null 2>&1 || missing+=(prometheus)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing ${missing[*]} for the tests"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

ops/check-config.sh

# The loadtest profile adds the load-test harness to the build (it has no
# tests of its own), so it never rots and the cluster check can use it.
./mvnw -B -Ploadtest verify "$@"

# Cluster mode exists once the state interfaces have Redis implementations.
if compgen -G 'chat-server/src/main/java/se/fyren/*/Redis*.java' >/dev/null; then
  ops/local-cluster.sh --no-build
fi
