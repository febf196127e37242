#pragma once

#include "model/Error.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QUuid>

#include <optional>

namespace steward {

class Database;

// A registered data source (mdm_data_source): where the physical tables a field's
// binding names live. Connection fields only; a password is never stored here.
struct DataSource
{
    static inline const QString SqliteDriver = QStringLiteral("sqlite");
    static inline const QString PostgresDriver = QStringLiteral("postgresql");

    QUuid id;
    QUuid tenantId;
    QString name;   // what bindings call it, e.g. "warehouse"
    QString driver; // sqlite | postgresql
    QString path;   // sqlite: the database file
    QString host;   // postgresql
    std::optional<int> port;
    QString databaseName;
    QString schemaName; // the schema bindings name (sqlite: the one the file stands for)
    QString username;
    QDateTime createdAt;
};

// mdm_data_source, scoped to a tenant.
class DataSourceRepository
{
public:
    explicit DataSourceRepository(Database &database);

    Result<std::optional<DataSource>> find(const QUuid &tenantId, const QString &name) const;
    Result<QList<DataSource>> list(const QUuid &tenantId) const;
    // Registers the source, or replaces the connection fields of the one with its name
    // (keeping its id). Returns the stored row.
    Result<DataSource> save(const DataSource &source, const QDateTime &now = QDateTime::currentDateTimeUtc());
    Status remove(const QUuid &tenantId, const QString &name);

private:
    Database &m_database;
};

} // namespace steward
