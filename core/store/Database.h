#pragma once

#include "model/Error.h"
#include "store/DatabaseUrl.h"
#include "store/SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariantList>

#include <memory>
#include <vector>

namespace steward {

struct CachedStatement;

// The rows of a statement the connection keeps prepared (Database::runCached). Read them
// through it before it goes: then the query is finished (an embedded file's read snapshot
// released) and the statement stays prepared for its next run.
class CachedQuery
{
public:
    CachedQuery(CachedQuery &&other) noexcept;
    CachedQuery &operator=(CachedQuery &&other) = delete;
    CachedQuery(const CachedQuery &) = delete;
    CachedQuery &operator=(const CachedQuery &) = delete;
    ~CachedQuery();

    QSqlQuery &operator*() const { return *m_query; }
    QSqlQuery *operator->() const { return m_query; }

private:
    friend class Database;
    CachedQuery(QSqlQuery *query, CachedStatement *statement, std::unique_ptr<QSqlQuery> own);

    QSqlQuery *m_query = nullptr;
    CachedStatement *m_statement = nullptr; // the cache's, in use while this exists
    std::unique_ptr<QSqlQuery> m_own;       // a query of its own when the cached one was in use
};

// One named QtSql connection, owned by the thread that opened it. Opened connections
// are closed and removed in the destructor, so open and close happen in one thread.
class Database
{
public:
    // Opens (creating an SQLite file if needed) and applies session settings.
    // Does not migrate: call Migrator. A PostgreSQL password, when given, is used for this
    // connection only; otherwise libpq looks in PGPASSWORD and ~/.pgpass.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url, const QString &password = {});
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const SqlDialect &dialect() const { return *m_dialect; }
    const DatabaseUrl &url() const { return m_url; }

    // Prepares, binds every value positionally and executes. Without values the statement
    // runs as it is (transaction control, scripts of several statements).
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values = {}) const;
    // The same, for statements a connection runs again and again (a decision's): prepared
    // once and kept, so each run is one round trip on PostgreSQL instead of three
    // (prepare, execute, deallocate). The most recently used few are kept.
    Result<CachedQuery> runCached(const QString &sql, const QVariantList &values = {}) const;
    // The first column of every row, as text.
    Result<QStringList> texts(const QString &sql, const QVariantList &values = {}) const;
    // A driver error as the user-facing error, in this engine's terms.
    Error error(const QSqlError &error) const;

    // Signs the connection in as `userId` of `tenantId` where the engine checks identities
    // (PostgreSQL: steward_login; refused unless the login may act as that user). Cheap
    // when nothing changed; call it outside transactions. A no-op on SQLite.
    Status signIn(const QUuid &tenantId, const QString &userId);
    // The same as the login's own user (a person's login is their user id).
    Status signIn(const QUuid &tenantId) { return signIn(tenantId, m_url.user); }
    bool isTeamDatabase() const { return m_url.kind == DatabaseUrl::Kind::Postgres; }

private:
    Database(DatabaseUrl url, std::unique_ptr<SqlDialect> dialect, QString connectionName);

    Status execute(QSqlQuery &query, const QVariantList &values) const;

    DatabaseUrl m_url;
    std::unique_ptr<SqlDialect> m_dialect;
    mutable std::vector<std::unique_ptr<CachedStatement>> m_statements; // runCached's, least recently used first
    QString m_connectionName;
    QUuid m_signedInTenant;
    QString m_signedInUser;
};

// Maps a QtSql failure to a user-facing error without losing the driver's text.
Error databaseError(const QSqlError &error);

} // namespace steward
