#pragma once

#include "model/Error.h"
#include "model/Types.h"
#include "store/Database.h"

#include <QJsonObject>
#include <QTemporaryDir>
#include <QUuid>
#include <QVariant>
#include <functional>
#include <memory>

namespace steward::testing {

// Counts a table column is built to have, so a test knows every metric in advance.
struct ExpectedCounts
{
    qint64 rows = 0;
    qint64 nonNull = 0;
    qint64 distinct = 0;
    qint64 valid = 0;

    double completeness() const { return 100.0 * double(nonNull) / double(rows); }
    double uniqueness() const { return 100.0 * double(distinct) / double(nonNull); }
    double validity() const { return 100.0 * double(valid) / double(nonNull); }
    // SPEC section 5 without a unique rule: completeness and validity, 0.4 each.
    double scoreWithoutUniqueRule() const { return (0.4 * completeness() + 0.4 * validity()) / 0.8; }
};

QString gradeFor(double score);

// A metadata database in a temporary folder (migrated, one tenant, two users holding
// every role) and an SQLite warehouse file registered as data source "warehouse" with
// schema "finance", filled by the test.
class ProfilerFixture
{
public:
    ProfilerFixture();
    ~ProfilerFixture();

    Status setUp();

    // Creates `table` with one TEXT id column and the named columns (declared types
    // given), filled with `rows` rows whose values `value(row, column)` returns
    // (an invalid QVariant is NULL). Rows are numbered from 1.
    Status createTable(const QString &table, const QList<std::pair<QString, QString>> &columns, qint64 rows,
                       const std::function<QVariant(qint64 row, int column)> &value);
    // A large table quickly, by a recursive CTE: `expression` over x = 1..rows.
    Status createTableBySql(const QString &table, const QString &columnsSql, const QString &selectSql);

    // The field, written directly (no approval), bound to warehouse/finance/table/column.
    Status addField(const QString &key, Tier tier, const QString &table, const QString &column, const QString &dataType,
                    const QString &format = {});
    Status addRule(const QString &key, const QString &appliesTo, const QString &ruleType,
                   const QJsonObject &definition);

    static QJsonObject fieldPayload(const QString &key, Tier tier, const QString &table, const QString &column,
                                    const QString &dataType, const QString &format = {});

    Database &database() { return *m_database; }
    DatabaseUrl url() const { return m_database->url(); }
    QUuid tenantId() const { return m_tenantId; }
    QString metadataPath() const;
    QString warehousePath() const;
    static QString requester() { return QStringLiteral("ada.lovelace"); }
    static QString approver() { return QStringLiteral("ben.okri"); }

private:
    Status execWarehouse(const QStringList &statements);

    QTemporaryDir m_dir;
    std::unique_ptr<Database> m_database;
    QUuid m_tenantId;
};

} // namespace steward::testing
