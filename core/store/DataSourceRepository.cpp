#include "store/DataSourceRepository.h"

#include "Tr.h"
#include "model/Approval.h"
#include "store/Database.h"

#include <QVariant>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

const QString kColumns =
    u"id, tenant_id, name, driver, path, host, port, database_name, schema_name, username, created_at"_s;

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

DataSource fromRow(const QSqlQuery &row)
{
    DataSource source;
    source.id = QUuid::fromString(row.value(0).toString());
    source.tenantId = QUuid::fromString(row.value(1).toString());
    source.name = row.value(2).toString();
    source.driver = row.value(3).toString();
    source.path = row.value(4).toString();
    source.host = row.value(5).toString();
    if (!row.value(6).isNull())
        source.port = row.value(6).toInt();
    source.databaseName = row.value(7).toString();
    source.schemaName = row.value(8).toString();
    source.username = row.value(9).toString();
    source.createdAt = fromIsoTimestamp(row.value(10).toString());
    return source;
}

} // namespace

DataSourceRepository::DataSourceRepository(Database &database) : m_database(database) {}

Result<std::optional<DataSource>> DataSourceRepository::find(const QUuid &tenantId, const QString &name) const
{
    auto query = m_database.run(u"SELECT "_s + kColumns + u" FROM mdm_data_source WHERE tenant_id = ? AND name = ?"_s,
                                {uuidText(tenantId), name});
    if (!query)
        return query.error();
    if (!query.value().next())
        return std::optional<DataSource>();
    return std::optional<DataSource>(fromRow(query.value()));
}

Result<QList<DataSource>> DataSourceRepository::list(const QUuid &tenantId) const
{
    auto query = m_database.run(
        u"SELECT "_s + kColumns + u" FROM mdm_data_source WHERE tenant_id = ? ORDER BY name"_s, {uuidText(tenantId)});
    if (!query)
        return query.error();
    QList<DataSource> sources;
    while (query.value().next())
        sources.append(fromRow(query.value()));
    return sources;
}

Result<DataSource> DataSourceRepository::save(const DataSource &source, const QDateTime &now)
{
    if (source.name.trimmed().isEmpty())
        return Error::invalid(u"name"_s, CoreTr::tr("a data source needs a name"));
    if (source.driver != DataSource::SqliteDriver && source.driver != DataSource::PostgresDriver)
        return Error::invalid(u"driver"_s, CoreTr::tr("the driver must be sqlite or postgresql, not \"%1\"")
                                               .arg(source.driver));
    if (source.driver == DataSource::SqliteDriver && source.path.isEmpty())
        return Error::invalid(u"path"_s, CoreTr::tr("an SQLite data source needs the path of its file"));

    auto existing = find(source.tenantId, source.name);
    if (!existing)
        return existing.error();
    const QVariantList connection{source.driver,
                                  textOrNull(source.path),
                                  textOrNull(source.host),
                                  source.port ? QVariant(*source.port) : QVariant(),
                                  textOrNull(source.databaseName),
                                  textOrNull(source.schemaName),
                                  textOrNull(source.username)};
    if (existing.value()) {
        QVariantList values = connection;
        values << uuidText(source.tenantId) << source.name;
        auto updated = m_database.run(u"UPDATE mdm_data_source SET driver = ?, path = ?, host = ?, port = ?, "
                                      u"database_name = ?, schema_name = ?, username = ? "
                                      u"WHERE tenant_id = ? AND name = ?"_s,
                                      values);
        if (!updated)
            return updated.error();
    } else {
        const QUuid id = source.id.isNull() ? QUuid::createUuid() : source.id;
        QVariantList values{uuidText(id), uuidText(source.tenantId), source.name};
        values << connection << toIsoTimestamp(now);
        auto inserted = m_database.run(
            u"INSERT INTO mdm_data_source (id, tenant_id, name, driver, path, host, port, database_name, "
            u"schema_name, username, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            values);
        if (!inserted)
            return inserted.error();
    }
    auto stored = find(source.tenantId, source.name);
    if (!stored)
        return stored.error();
    if (!stored.value())
        return Error::make(ErrorCode::NotFound, CoreTr::tr("the data source %1 was not saved").arg(source.name));
    return *stored.value();
}

Status DataSourceRepository::remove(const QUuid &tenantId, const QString &name)
{
    auto removed =
        m_database.run(u"DELETE FROM mdm_data_source WHERE tenant_id = ? AND name = ?"_s, {uuidText(tenantId), name});
    if (!removed)
        return removed.error();
    return std::nullopt;
}

} // namespace steward
