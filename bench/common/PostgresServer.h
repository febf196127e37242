#pragma once

// A throw-away PostgreSQL server for a benchmark: tests/postgres/test-server.sh creates it
// in a folder of its own (initdb, loopback only, the steward roles, the test logins and
// the database steward_template, not yet migrated) on a port the benchmark names, and it
// is stopped and removed however the run ends. psql and pgbench reach it as any role,
// without a password.

#include "model/Error.h"
#include "store/DatabaseUrl.h"

#include <QString>
#include <QStringList>
#include <QTemporaryDir>

namespace steward::bench {

class PostgresServer
{
public:
    explicit PostgresServer(int port);
    ~PostgresServer();

    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;

    // initdb and start; fails with the server's log and an install hint.
    Status start();
    void stop();
    // Stops and starts again with the same data, e.g. after ALTER SYSTEM of a setting
    // that needs a restart (shared_preload_libraries).
    Status restart();

    int port() const { return m_port; }
    // The database test-server.sh prepared for the migrator (owned by steward_owner).
    static QString databaseName() { return QStringLiteral("steward_template"); }
    DatabaseUrl url(const QString &user, const QString &database = databaseName()) const;

    // psql running `sql` (-c, stop on the first error) as `user`: the output's lines, each
    // row's fields joined by '|'. `seconds`, when given, receives the wall time.
    Result<QStringList> psql(const QString &sql, const QString &user = QStringLiteral("postgres"),
                             const QString &database = databaseName(), double *seconds = nullptr) const;
    // The first field of the first row psql printed.
    Result<QString> scalar(const QString &sql, const QString &user = QStringLiteral("postgres"),
                           const QString &database = databaseName()) const;
    // The CPU time (user and system, seconds) the server's processes have used so far:
    // the postmaster, its live children and those it has reaped (Linux /proc); -1 when unknown.
    double cpuSeconds() const;
    // The folder the benchmark may keep its own files in (scripts, logs); removed with the server.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    Status script(const QStringList &arguments, int timeoutMs) const;

    int m_port;
    QTemporaryDir m_dir;
    QString m_serverDir;
    bool m_started = false;
};

} // namespace steward::bench
