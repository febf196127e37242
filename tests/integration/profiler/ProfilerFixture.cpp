#include "ProfilerFixture.h"

#include "model/Approval.h"
#include "store/DataSourceRepository.h"
#include "store/DirectoryRepository.h"
#include "store/EntityRepository.h"
#include "store/Migrator.h"

#include "json/JsonNode.h"
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace steward::testing {
namespace {

Error failure(const QString &what, const QSqlError &error)
{
    return Error::make(ErrorCode::Unavailable, what + u": "_s + error.text());
}

// A warehouse connection for the test thread only, closed and removed on scope exit.
class WarehouseConnection
{
public:
    explicit WarehouseConnection(const QString &path)
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, name());
        database.setDatabaseName(path);
        database.open();
    }
    ~WarehouseConnection()
    {
        {
            QSqlDatabase database = QSqlDatabase::database(name(), false);
            database.close();
        }
        QSqlDatabase::removeDatabase(name());
    }
    QSqlDatabase database() const { return QSqlDatabase::database(name(), false); }
    static QString name() { return u"profiler-fixture-warehouse"_s; }
};

} // namespace

QString gradeFor(double score)
{
    if (score >= 90)
        return u"A"_s;
    if (score >= 80)
        return u"B"_s;
    if (score >= 70)
        return u"C"_s;
    if (score >= 60)
        return u"D"_s;
    return u"F"_s;
}

ProfilerFixture::ProfilerFixture() : m_tenantId(QUuid::createUuid()) {}

ProfilerFixture::~ProfilerFixture() = default;

QString ProfilerFixture::metadataPath() const
{
    return m_dir.filePath(u"steward.db"_s);
}

QString ProfilerFixture::warehousePath() const
{
    return m_dir.filePath(u"warehouse.db"_s);
}

Status ProfilerFixture::setUp()
{
    if (!m_dir.isValid())
        return Error::make(ErrorCode::Unavailable, u"no temporary folder"_s);
    auto opened = Database::open(DatabaseUrl::sqlite(metadataPath()));
    if (!opened)
        return opened.error();
    m_database = std::move(opened.value());
    if (auto failed = Migrator(*m_database).upgrade())
        return failed;

    DirectoryRepository directory(*m_database);
    if (auto failed = directory.addTenant(Tenant{m_tenantId, u"Profiler Test Co"_s}))
        return failed;
    for (const QString &user : {requester(), approver()}) {
        for (Role role : {Role::KernelArchitect, Role::MetadataSteward, Role::DataOwner}) {
            if (auto failed = directory.grant(m_tenantId, user, role, user))
                return failed;
        }
    }

    if (auto failed = execWarehouse({u"CREATE TABLE IF NOT EXISTS fixture_info (note TEXT)"_s}))
        return failed;
    DataSource source;
    source.tenantId = m_tenantId;
    source.name = u"warehouse"_s;
    source.driver = DataSource::SqliteDriver;
    source.path = warehousePath();
    source.schemaName = u"finance"_s;
    auto saved = DataSourceRepository(*m_database).save(source);
    if (!saved)
        return saved.error();
    return std::nullopt;
}

Status ProfilerFixture::execWarehouse(const QStringList &statements)
{
    WarehouseConnection connection(warehousePath());
    QSqlDatabase database = connection.database();
    if (!database.isOpen())
        return failure(u"cannot open the warehouse"_s, database.lastError());
    for (const QString &statement : statements) {
        QSqlQuery query(database);
        if (!query.exec(statement))
            return failure(statement, query.lastError());
    }
    return std::nullopt;
}

Status ProfilerFixture::createTable(const QString &table, const QList<std::pair<QString, QString>> &columns,
                                    qint64 rows, const std::function<QVariant(qint64, int)> &value)
{
    QStringList declarations{u"id INTEGER PRIMARY KEY"_s};
    QStringList names{u"id"_s};
    QStringList placeholders{u"?"_s};
    for (const auto &[name, type] : columns) {
        declarations.append(name + u' ' + type);
        names.append(name);
        placeholders.append(u"?"_s);
    }
    WarehouseConnection connection(warehousePath());
    QSqlDatabase database = connection.database();
    if (!database.isOpen())
        return failure(u"cannot open the warehouse"_s, database.lastError());
    QSqlQuery create(database);
    if (!create.exec(u"CREATE TABLE %1 (%2)"_s.arg(table, declarations.join(u", "_s))))
        return failure(u"create table"_s, create.lastError());
    database.transaction();
    QSqlQuery insert(database);
    if (!insert.prepare(
            u"INSERT INTO %1 (%2) VALUES (%3)"_s.arg(table, names.join(u", "_s), placeholders.join(u", "_s))))
        return failure(u"prepare insert"_s, insert.lastError());
    for (qint64 row = 1; row <= rows; ++row) {
        insert.bindValue(0, row);
        for (int column = 0; column < columns.size(); ++column) {
            const QVariant cell = value(row, column);
            insert.bindValue(column + 1, cell.isValid() ? cell : QVariant(QMetaType::fromType<QString>()));
        }
        if (!insert.exec())
            return failure(u"insert"_s, insert.lastError());
    }
    if (!database.commit())
        return failure(u"commit"_s, database.lastError());
    return std::nullopt;
}

Status ProfilerFixture::createTableBySql(const QString &table, const QString &columnsSql, const QString &selectSql)
{
    return execWarehouse(
        {u"CREATE TABLE %1 (%2)"_s.arg(table, columnsSql), u"INSERT INTO %1 %2"_s.arg(table, selectSql)});
}

QJsonObject ProfilerFixture::fieldPayload(const QString &key, Tier tier, const QString &table, const QString &column,
                                          const QString &dataType, const QString &format)
{
    QJsonObject payload{
        {u"canonicalKey"_s, key},
        {u"label"_s, key.section(u'.', -1)},
        {u"domain"_s, u"Finance"_s},
        {u"entityUrn"_s, u"urn:steward:warehouse:finance.%1.%2"_s.arg(table, column)},
        {u"tier"_s, toString(tier)},
        {u"dataType"_s, dataType},
        {u"status"_s, u"active"_s},
        {u"binding"_s,
         QJsonObject{
             {u"source"_s, u"warehouse"_s}, {u"schema"_s, u"finance"_s}, {u"table"_s, table}, {u"column"_s, column}}},
    };
    if (!format.isEmpty())
        payload.insert(u"format"_s, format);
    return payload;
}

Status ProfilerFixture::addField(const QString &key, Tier tier, const QString &table, const QString &column,
                                 const QString &dataType, const QString &format)
{
    auto applied = EntityRepository(*m_database)
                       .apply(m_tenantId, EntityType::GlobalMetadata, std::nullopt,
                              json::fromQJsonValue(fieldPayload(key, tier, table, column, dataType, format)),
                              QDateTime::currentDateTimeUtc());
    if (!applied)
        return applied.error();
    return std::nullopt;
}

Status ProfilerFixture::addRule(const QString &key, const QString &appliesTo, const QString &ruleType,
                                const QJsonObject &definition)
{
    const QJsonObject payload{{u"canonicalKey"_s, key},      {u"label"_s, key},
                              {u"appliesTo"_s, appliesTo},   {u"ruleType"_s, ruleType},
                              {u"definition"_s, definition}, {u"severity"_s, u"error"_s},
                              {u"status"_s, u"active"_s}};
    auto applied = EntityRepository(*m_database)
                       .apply(m_tenantId, EntityType::BusinessRule, std::nullopt, json::fromQJsonValue(payload),
                              QDateTime::currentDateTimeUtc());
    if (!applied)
        return applied.error();
    return std::nullopt;
}

} // namespace steward::testing
