#pragma once

// What bench_team_decisions decides on: its own PostgreSQL server with the steward roles,
// pg_stat_statements loaded (and counting nothing until asked), four stewards and a
// requester with logins of their own, a tenant whose requests go through our code (submitted
// through ApprovalService) and one whose requests go to pgbench's bare SQL, queued in the
// order its clients take them (bench_bare_queue).

#include "PostgresServer.h"
#include "store/Database.h"

#include <QList>
#include <QStringList>
#include <QUuid>

#include <memory>

namespace steward::bench {

// A failed setup, round or check: main reports it and exits non-zero, after the server stopped.
struct Failure
{
    QString message;
};

[[noreturn]] inline void fail(const QString &message)
{
    throw Failure{message};
}

inline void need(const Status &status, const QString &what)
{
    if (status)
        fail(what + QStringLiteral(": ") + status->text());
}

template <typename T> T need(Result<T> result, const QString &what)
{
    if (!result)
        fail(what + QStringLiteral(": ") + result.error().text());
    return std::move(result.value());
}

class TeamFixture
{
public:
    static const QStringList &stewards(); // metadata_steward in both tenants
    static QString requester();           // data_owner in both tenants
    static QString bareLogin();           // pgbench's: the schema owner's rights, a name of its own
    static QUuid tenant();                // decided through our code
    static QUuid bareTenant();            // decided by pgbench

    explicit TeamFixture(PostgresServer &server) : m_server(server) {}

    // Starts and migrates the server and submits `requests` requests through ApprovalService.
    void setUp(int requests);
    // The next `count` submitted requests nobody decided yet.
    QList<QUuid> takePending(int count);
    // At least `needed` requests queued for pgbench that its clients have not taken yet.
    void ensureBareQueue(qint64 needed);
    qint64 approvedIn(const QUuid &tenant) const;
    // psql as postgres, failing the run when it fails.
    void psql(const QString &sql) const { need(m_server.psql(sql), QStringLiteral("psql")); }
    PostgresServer &server() const { return m_server; }

private:
    void createEntities(const QUuid &tenant, const QString &prefix, int from, int count);
    void submitRequests(int count);
    void queueBareRequests(int count);

    PostgresServer &m_server;
    std::unique_ptr<Database> m_owner;
    QList<QUuid> m_pending;
    qint64 m_bareQueued = 0;
    int m_bareEntities = 0;
};

} // namespace steward::bench
