#!/usr/bin/env bash
# Checks the operations configuration without a container engine: the
# nginx load-balancer config (nginx -t), the Prometheus configs and alert
# rules (promtool check), and the alert rules' unit tests (promtool test).
# Needs Debian's nginx and prometheus packages (ops/test.sh installs them).
set -euo pipefail
ops="$(cd "$(dirname "$0")" && pwd)"
source "$ops/lib/nginx-standalone.sh"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

nginx_standalone_config "$work" 127.0.0.1:8080 127.0.0.1:8081 127.0.0.1:8082
"$(nginx_binary)" -q -t -p "$work" -c "$work/nginx.conf" -e "$work/logs/error.log"
echo "nginx: ops/nginx/fyren.conf is valid"

cd "$ops/prometheus"
promtool check config prometheus.yml >/dev/null
promtool check config prometheus-kubernetes.yml >/dev/null
promtool check rules alerts.yml >/dev/null
promtool test rules alerts-tests.yml >/dev/null
echo "promtool: Prometheus configs and alert rules are valid; alert tests pass"
