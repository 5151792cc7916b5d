# Sourced by ops/test.sh and ops/local-cluster.sh: runs ops/nginx/fyren.conf
# outside a container, as an unprivileged foreground process with its own
# prefix, instead of the system's nginx service.

# nginx_standalone_config DIR LISTEN NODE1 NODE2 writes DIR/nginx.conf, which
# wraps fyren.conf with the node addresses and listen address replaced.
nginx_standalone_config() {
  local dir="$1" listen="$2" node1="$3" node2="$4"
  local source
  source="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/nginx/fyren.conf"
  mkdir -p "$dir/logs" "$dir/temp"
  sed -e "s/server fyren-1:8080/server $node1/" \
      -e "s/server fyren-2:8080/server $node2/" \
      -e "s/listen 80;/listen $listen;/" \
      -e "s#/dev/stdout#$dir/logs/access.log#" \
      -e "s#/dev/stderr#$dir/logs/error.log#" \
      "$source" > "$dir/fyren.conf"
  cat > "$dir/nginx.conf" <<CONF
daemon off;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/logs/error.log crit;
events { worker_connections 1024; }
http {
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/fyren.conf;
}
CONF
}

# nginx_binary prints the nginx executable (Debian puts it in /usr/sbin).
nginx_binary() {
  command -v nginx 2>/dev/null || { [ -x /usr/sbin/nginx ] && echo /usr/sbin/nginx; } || return 1
}
