#!/usr/bin/env bash
# A two-node Fyren cluster on this machine without containers: its own
# redis-server, two Fyren nodes in cluster mode and nginx as the load
# balancer, all on loopback, on free ports, in a temporary directory. Runs
# a chat through the load balancer, one across the nodes, and one through
# the load balancer while the counsellor's node is stopped with SIGTERM
# (se.fyren.loadtest.ClusterCheck), then stops everything it started.
#
#   ops/local-cluster.sh              build, check, stop
#   ops/local-cluster.sh --keep       build, check (without stopping a node), keep running until Ctrl-C
#   ops/local-cluster.sh --no-build   use the jars already built
# Needs redis-server and nginx (Debian packages redis-server, nginx).
set -euo pipefail
cd "$(dirname "$0")/.."
source ops/lib/nginx-standalone.sh

keep=false
build=true
for arg in "$@"; do
  case "$arg" in
    --keep) keep=true ;;
    --no-build) build=false ;;
    *) echo "Unknown option $arg" >&2; exit 2 ;;
  esac
done

work="$(mktemp -d -t fyren-cluster.XXXXXX)"
pids=()
succeeded=false
stop_all() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if $succeeded; then
    rm -rf "$work"
  else
    echo "Logs kept in $work" >&2
  fi
}
trap stop_all EXIT
trap 'exit 130' INT TERM

# A port nothing listens on and this script has not handed out yet (ports
# are picked at random, so two runs rarely meet). Sets $port.
taken=" "
free_port() {
  while true; do
    port=$((20000 + RANDOM % 40000))
    if [[ "$taken" != *" $port "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      taken+="$port "
      return
    fi
  done
}

# http_ok PORT PATH: true when GET answers 200.
http_ok() {
  local status
  status="$( (exec 3<>"/dev/tcp/127.0.0.1/$1" && printf 'GET %s HTTP/1.0\r\nHost: localhost\r\n\r\n' "$2" >&3 \
    && head -n 1 <&3) 2>/dev/null || true)"
  [[ "$status" == *" 200 "* ]]
}

# await_ok NAME PORT PATH PID: waits until GET answers 200, or the process ends.
await_ok() {
  local what="$1" port="$2" path="$3" pid="$4"
  # Five minutes: a shared or small machine can take minutes to start a JVM.
  for _ in $(seq 1 600); do
    if http_ok "$port" "$path"; then
      return
    fi
    if ! kill -0 "$pid" 2>/dev/null; then
      break
    fi
    sleep 0.5
  done
  echo "$what did not come up; its log is in $work" >&2
  exit 1
}

if $build; then
  ./mvnw -q -B -DskipTests -Ploadtest -pl chat-server,ops/loadtest -am package
fi

free_port; redis_port="$port"
mkdir -p "$work/redis"
redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$work/redis" --save "" --appendonly no \
  > "$work/redis.log" 2>&1 &
pids+=($!)

# Cluster mode encrypts what it keeps in Redis; a throwaway key for this run.
# The Redis timeouts are longer than a production node's: CI machines are
# shared, and a 2 s timeout failed a start there under heavy load.
key="$(head -c 32 /dev/urandom | base64)"

nodes=()
managements=()
node_pids=()
for name in a b; do
  free_port; management="$port"
  free_port
  java -jar chat-server/target/fyren.jar \
    --server.port="$port" --management.server.port="$management" \
    --fyren.store=redis --spring.data.redis.host=127.0.0.1 --spring.data.redis.port="$redis_port" \
    --fyren.redis.key-prefix="fyren-local:" \
    --spring.data.redis.timeout=10s --spring.data.redis.connect-timeout=10s \
    --fyren.encryption.keys.local="$key" --fyren.encryption.active-key=local \
    > "$work/node-$name.log" 2>&1 &
  pids+=($!)
  node_pids+=($!)
  nodes+=("$port")
  managements+=("$management")
  echo "Node $name: http://127.0.0.1:$port/ (metrics: http://127.0.0.1:$management/actuator/prometheus)"
done

free_port; balancer="$port"
nginx_standalone_config "$work/nginx" "127.0.0.1:$balancer" "127.0.0.1:${nodes[0]}" "127.0.0.1:${nodes[1]}"
"$(nginx_binary)" -p "$work/nginx" -c "$work/nginx/nginx.conf" -e "$work/nginx/logs/error.log" &
pids+=($!)
nginx_pid=$!

await_ok "Node a" "${nodes[0]}" /readyz "${node_pids[0]}"
await_ok "Node b" "${nodes[1]}" /readyz "${node_pids[1]}"
await_ok "nginx" "$balancer" /readyz "$nginx_pid"
echo "Load balancer: http://127.0.0.1:$balancer/demo/ and http://127.0.0.1:$balancer/console/"

# The last check stops one node (SIGTERM, as a rolling update does); the
# chat goes on through the other. With --keep both nodes stay up instead.
stop_check=("${managements[0]}" "${managements[1]}" "${node_pids[0]}" "${node_pids[1]}")
if $keep; then stop_check=(); fi
java -cp ops/loadtest/target/fyren-loadtest.jar se.fyren.loadtest.ClusterCheck "$balancer" "${nodes[0]}" "${nodes[1]}" \
  "${stop_check[@]}"
succeeded=true

if $keep; then
  echo "Running until Ctrl-C; logs in $work"
  succeeded=false
  wait "${pids[0]}"
fi
