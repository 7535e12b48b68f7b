# Sourced by .ci/run: a throwaway PostgreSQL cluster for the tests, gone when the shell exits.
# Exports TEST_DATABASE_URL, which makes the storage tests run on PostgreSQL as well as on PGlite,
# and TEST_PG_BIN, where the fault tests find pg_ctl to run a cluster of their own.
# Installs Debian's postgresql when needed (as root); runs the server as `postgres` when root,
# since initdb refuses to run as root.

find_pg_bin() {
  local dir found=''
  for dir in /usr/lib/postgresql/*/bin; do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then found="$dir"; fi
  done
  printf '%s' "$found"
}

pg_bin="$(find_pg_bin)"
if [ -z "$pg_bin" ]; then
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql
  pg_bin="$(find_pg_bin)"
fi

as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_port=55432
while (exec 3<>"/dev/tcp/127.0.0.1/$pg_port") 2>/dev/null; do pg_port=$((pg_port + 1)); done

pg_tmp="$(mktemp -d)"
if [ "$(id -u)" = 0 ]; then chown postgres: "$pg_tmp"; fi

stop_test_postgres() {
  as_pg_user "$pg_bin/pg_ctl" -D "$pg_tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$pg_tmp"
}
trap stop_test_postgres EXIT

as_pg_user "$pg_bin/initdb" -D "$pg_tmp/data" -U postgres --auth=trust --no-locale -E UTF8 >/dev/null
# fsync off: a test cluster that is thrown away needs no durability, and commits get much faster.
as_pg_user "$pg_bin/pg_ctl" -D "$pg_tmp/data" -l "$pg_tmp/server.log" -w start \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_tmp -c fsync=off -c max_connections=200" >/dev/null
"$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres council_test

export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/council_test"
export TEST_PG_BIN="$pg_bin"
echo "PostgreSQL $("$pg_bin/pg_ctl" --version | awk '{print $3}') for the tests at $TEST_DATABASE_URL"
