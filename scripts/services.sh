#!/usr/bin/env bash
# Starts the local PostgreSQL and MariaDB the integration tests use, when
# they are not already answering. Uses the machine's own service commands.
set -u

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
my_up() { mysqladmin --protocol=tcp -h 127.0.0.1 -P 3306 -uroot ping >/dev/null 2>&1; }

if ! pg_up && command -v pg_ctlcluster >/dev/null; then
  echo "services: starting PostgreSQL" >&2
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
fi
if ! my_up && [ -x /usr/sbin/mariadbd ]; then
  echo "services: starting MariaDB" >&2
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
fi
for _ in $(seq 1 30); do
  pg_up && my_up && exit 0
  sleep 1
done
pg_up || echo "services: PostgreSQL is NOT running on 127.0.0.1:5432" >&2
my_up || echo "services: MariaDB is NOT running on 127.0.0.1:3306" >&2
exit 0
