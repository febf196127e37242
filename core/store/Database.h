#pragma once

#include "model/Error.h"
#include "store/DatabaseUrl.h"
#include "store/SqlDialect.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariantList>

#include <memory>

namespace steward {

// One named QtSql connection, owned by the thread that opened it. Opened connections
// are closed and removed in the destructor, so open and close happen in one thread.
class Database
{
public:
    // Opens (creating an SQLite file if needed) and applies session settings.
    // Does not migrate: call Migrator.
    static Result<std::unique_ptr<Database>> open(const DatabaseUrl &url);
    ~Database();

    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    QSqlDatabase connection() const;
    const SqlDialect &dialect() const { return *m_dialect; }
    const DatabaseUrl &url() const { return m_url; }

    // Prepares, binds every value positionally and executes.
    Result<QSqlQuery> run(const QString &sql, const QVariantList &values = {}) const;

private:
    Database(DatabaseUrl url, std::unique_ptr<SqlDialect> dialect, QString connectionName);

    DatabaseUrl m_url;
    std::unique_ptr<SqlDialect> m_dialect;
    QString m_connectionName;
};

// Maps a QtSql failure to a user-facing error without losing the driver's text.
Error databaseError(const QSqlError &error);

} // namespace steward
