#pragma once

#include "model/Error.h"
#include "store/DatabaseUrl.h"
#include "store/SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariantList>

#include <memory>

namespace steward {

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

    DatabaseUrl m_url;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
    QUuid m_signedInTenant;
    QString m_signedInUser;
};

// Maps a QtSql failure to a user-facing error without losing the driver's text.
Error databaseError(const QSqlError &error);

} // namespace steward
