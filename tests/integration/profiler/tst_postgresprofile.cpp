// Profiling a PostgreSQL data source against the real server of the tests' `postgres`
// fixture: a throw-away warehouse database whose every count is known by construction
// (and checked again by plain SQL), the same rows in an SQLite warehouse measured by the
// embedded engine, large tables for estimates, parallel parts and sampling, a slow view
// for cancel and the time limit, and names that are missing or look like injections.

#include "ProfilerFixture.h"
#include "TestDatabase.h"

#include "profiler/ProfileRunner.h"
#include "store/DataSourceRepository.h"
#include "store/EntityRepository.h"
#include "json/JsonNode.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonArray>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTest>

#include <atomic>
#include <cmath>
#include <functional>
#include <thread>

using namespace steward;
using namespace steward::profiler;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kRows = 6000;
constexpr int kBigRows = 500000;
const QString kPgSource = u"pg"_s;

// One generated value and the verdicts the profiler must reach on it.
struct Cell
{
    QVariant value;
    bool typeOk = true;
    QList<bool> rulesOk; // the column's regex / range / enum rules, in rule key order
};

struct RuleSpec
{
    QString key; // rule keys sort in the order the verdicts are listed
    QString type;
    QJsonObject definition;
};

struct ColumnSpec
{
    QString column;
    QString pgType;
    QString sqliteType;
    QString dataType;
    QString format;
    QList<RuleSpec> rules;
    std::function<Cell(int row)> cell;
};

Cell text(const QString &value, bool typeOk = true, QList<bool> rulesOk = {})
{
    return {QVariant(value), typeOk, rulesOk};
}

Cell none()
{
    return {QVariant(), true, {}};
}

QJsonObject object(const char *text)
{
    return QJsonDocument::fromJson(text).object();
}

QList<ColumnSpec> ledgerColumns()
{
    return {
        {u"ref"_s, u"bigint"_s, u"INTEGER"_s, u"INTEGER"_s, {}, {{u"rule.ref.unique"_s, u"unique"_s, {}}},
         [](int i) -> Cell { return {QVariant(qint64(i) * 3), true, {}}; }},
        {u"code"_s, u"text"_s, u"TEXT"_s, u"TEXT"_s, u"7"_s,
         {{u"rule.code.pattern"_s, u"regex"_s, object(R"({"pattern": "^[A-Z]{3}-[0-9]{3}$"})")}},
         [](int i) -> Cell {
             const QString number = u"%1"_s.arg(i % 1000, 3, 10, QChar(u'0'));
             switch (i % 7) {
             case 0: return none();
             case 1: return text(u"abc-"_s + number, true, {false});
             case 2: return text(u"ABCD-"_s + number, false, {false});
             default: return text(u"ABC-"_s + number, true, {true});
             }
         }},
        {u"amount_text"_s, u"text"_s, u"TEXT"_s, u"DECIMAL"_s, u"18,2"_s,
         {{u"rule.amount_text.range"_s, u"range"_s, object(R"({"min": 0, "max": 9999999999999999.99})")}},
         [](int i) -> Cell {
             switch (i % 10) {
             case 0: return none();
             case 1: return text(u"9999999999999999.99"_s, true, {true});
             case 2: return text(u"12345678901234567.891"_s, false, {false});
             case 3: return text(u"-3e2"_s, true, {false});
             case 4: return text(u"N/A"_s, false, {false});
             case 5: return text(u"0012.500"_s, true, {true});
             case 6: return text(u"1.005"_s, false, {true});
             case 7: return text(u" 12"_s, false, {false});
             case 8: return text(u"1e+16"_s, false, {true});
             default: return text(u"12.5"_s, true, {true});
             }
         }},
        {u"amount"_s, u"double precision"_s, u"REAL"_s, u"DECIMAL"_s, u"12,2"_s,
         {{u"rule.amount.range"_s, u"range"_s, object(R"({"min": 0, "max": 1000})")}},
         [](int i) -> Cell {
             switch (i % 6) {
             case 0: return none();
             case 1: return {QVariant(double(i % 1000) / 100.0), true, {true}};
             case 2: return {QVariant(double(i) + 0.345), false, {double(i) + 0.345 <= 1000}};
             case 3: return {QVariant(0.1 + 0.2), false, {true}};
             case 4: return {QVariant(-double(i % 50) - 1.5), true, {false}};
             default: return {QVariant(1e10), false, {false}};
             }
         }},
        {u"price"_s, u"numeric(14,4)"_s, u"NUMERIC"_s, u"DECIMAL"_s, u"10,2"_s,
         {{u"rule.price.enum"_s, u"enum"_s, object(R"({"values": [0.5, 1, "1.25", 2]})")}},
         [](int i) -> Cell {
             if (i % 9 == 0)
                 return none();
             const double value = double(i % 800) / 8.0;
             return {QVariant(value), (i % 800) % 2 == 0, {value == 0.5 || value == 1 || value == 1.25 || value == 2}};
         }},
        {u"qty"_s, u"integer"_s, u"INTEGER"_s, u"INTEGER"_s, {},
         {{u"rule.qty.a_range"_s, u"range"_s, object(R"({"min": 1, "max": 100})")},
          {u"rule.qty.b_enum"_s, u"enum"_s, object(R"({"values": [1, 2, "3", 4.5, "x"]})")}},
         [](int i) -> Cell {
             static const int values[] = {0, 150, 50, 3, 2};
             const int value = values[i % 5];
             return {QVariant(value), true, {value >= 1 && value <= 100, value == 2 || value == 3}};
         }},
        {u"currency"_s, u"text"_s, u"TEXT"_s, u"TEXT"_s, u"3"_s,
         {{u"rule.currency.enum"_s, u"enum"_s, object(R"({"values": ["EUR", "USD", "GBP"]})")},
          {u"rule.currency.required"_s, u"not_null"_s, {}}},
         [](int i) -> Cell {
             switch (i % 6) {
             case 0: return none();
             case 1: return text(u"EUR"_s, true, {true});
             case 2: return text(u"USD"_s, true, {true});
             case 3: return text(u"eur"_s, true, {false});
             case 4: return text(u"GBPX"_s, false, {false});
             default: return text(u"GBP"_s, true, {true});
             }
         }},
        {u"booked"_s, u"date"_s, u"TEXT"_s, u"DATE"_s, u"YYYY-MM-DD"_s, {}, [](int i) -> Cell {
             return i % 11 == 0 ? none() : text(QDate(2024, 1, 1).addDays(i % 400).toString(Qt::ISODate));
         }},
        {u"booked_text"_s, u"text"_s, u"TEXT"_s, u"DATE"_s, u"YYYY-MM-DD"_s, {}, [](int i) -> Cell {
             switch (i % 6) {
             case 0: return none();
             case 1: return text(u"2024-02-29"_s);
             case 2: return text(u"2023-02-29"_s, false);
             case 3: return text(u"31/12/2024"_s, false);
             case 4: return text(QDate(2024, 1, 1).addDays(i % 365).toString(Qt::ISODate));
             default: return text(u"2024-13-01"_s, false);
             }
         }},
        {u"due_text"_s, u"text"_s, u"TEXT"_s, u"DATE"_s, u"DD.MM.YYYY"_s, {}, [](int i) -> Cell {
             switch (i % 5) {
             case 0: return text(u"29.02.2024"_s);
             case 1: return text(u"29.02.2023"_s, false);
             case 2: return text(u"2024-01-01"_s, false);
             case 3: return text(u"01.13.2024"_s, false);
             default: return text(u"15.06.1999"_s);
             }
         }},
        {u"flag"_s, u"boolean"_s, u"INTEGER"_s, u"BOOLEAN"_s, {}, {}, [](int i) -> Cell {
             return i % 3 == 0 ? none() : Cell{QVariant(i % 2 == 1), true, {}};
         }},
        {u"flag_text"_s, u"text"_s, u"TEXT"_s, u"BOOLEAN"_s, {}, {}, [](int i) -> Cell {
             static const char *values[] = {"1", "0", "true", "maybe", "Y"};
             return text(QString::fromLatin1(values[i % 5]), i % 5 != 3);
         }},
        {u"stamp"_s, u"timestamp"_s, u"TEXT"_s, u"TIMESTAMP"_s, {}, {}, [](int i) -> Cell {
             return text(QDateTime(QDate(2024, 1, 5), QTime(10, 0)).addSecs(60 * i).toString(u"yyyy-MM-dd HH:mm:ss"_s));
         }},
        {u"stamp_text"_s, u"text"_s, u"TEXT"_s, u"TIMESTAMP"_s, {}, {}, [](int i) -> Cell {
             switch (i % 7) {
             case 0: return text(u"2024-01-05T10:00:00Z"_s);
             case 1: return text(u"2024-01-05 10:00:00.250"_s);
             case 2: return text(u"2024-01-05"_s, false);
             case 3: return text(u"2024-01-05T25:00:00"_s, false);
             case 4: return text(u"2024-02-30T10:00:00"_s, false);
             case 5: return text(u"2024-01-05T10:00"_s);
             default: return text(u"2024-01-05T10:00:00+01:00"_s);
             }
         }},
        {u"label"_s, u"text"_s, u"TEXT"_s, u"TEXT"_s, u"12"_s,
         {{u"rule.label.letters"_s, u"regex"_s, object(R"({"pattern": "^[A-Za-z ]+$"})")}},
         [](int i) -> Cell {
             switch (i % 3) {
             case 0: return text(u"Muller GmbH"_s, true, {true});
             case 1: return text(u"株式会社サンプル商事ABCD"_s, false, {false}); // 14 characters
             default: return text(u"Lodz 42"_s, true, {false});
             }
         }},
        {u"nothing"_s, u"text"_s, u"TEXT"_s, u"TEXT"_s, {},
         {{u"rule.nothing.pattern"_s, u"regex"_s, object(R"({"pattern": "^x$"})")}},
         [](int) -> Cell { return none(); }},
    };
}

// What the profiler must report for one column, by construction.
struct Expected
{
    qint64 rows = 0;
    qint64 nonNull = 0;
    qint64 valid = 0;
    qint64 typeViolations = 0;
    QList<qint64> valueRuleViolations;
};

Expected expectedFor(const ColumnSpec &spec)
{
    Expected expected;
    for (int i = 1; i <= kRows; ++i) {
        ++expected.rows;
        const Cell cell = spec.cell(i);
        if (expected.valueRuleViolations.size() < cell.rulesOk.size())
            expected.valueRuleViolations.resize(cell.rulesOk.size());
        if (cell.value.isNull())
            continue;
        ++expected.nonNull;
        bool valid = cell.typeOk;
        expected.typeViolations += cell.typeOk ? 0 : 1;
        for (int r = 0; r < cell.rulesOk.size(); ++r) {
            valid = valid && cell.rulesOk.at(r);
            expected.valueRuleViolations[r] += cell.rulesOk.at(r) ? 0 : 1;
        }
        expected.valid += valid ? 1 : 0;
    }
    return expected;
}

QString pgKey(const QString &table, const QString &column)
{
    return u"pg.%1.%2"_s.arg(table, column);
}

QString liteKey(const QString &table, const QString &column)
{
    return u"lite.%1.%2"_s.arg(table, column);
}

QString quoted(const QString &name)
{
    return u'"' + QString(name).replace(u'"', u"\"\""_s) + u'"';
}

} // namespace

class PostgresProfileTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void everyMetricMatchesIndependentCounts();
    void sameMeasurementsAsTheEmbeddedEngine();
    void regexMatchesTheWholeValue();
    void estimatesBeyondTheExactBound();
    void splitScanMatchesOneScan();
    void sampledRunIsRepeatable();
    void cancelStopsTheStatement();
    void timeLimitFailsTheRun();
    void missingAndHostileNamesFailAlone();
    void regexPostgresReadsOtherwiseIsJudgedByRulePattern();
    void invalidRegexFailsOnlyItsField();
    void connectionsAreClosed();

private:
    Status exec(const QString &sql, const QVariantList &values = {}, const QString &connection = {});
    QVariant scalar(const QString &sql);
    Status createWarehouse();
    Status addField(const QString &key, const QString &source, const QString &table, const ColumnSpec &spec,
                    const QString &schema = u"finance"_s);
    QList<ProfileRun> runMany(const QStringList &keys, const ProfileRunner::Options &options = {});
    ProfileRun runOne(const QString &key, const ProfileRunner::Options &options = {});

    ProfilerFixture m_fixture;
    DatabaseUrl m_server; // the fixture's server, as TestDatabase finds it
    QString m_database;
    QString m_admin;     // connection to the server's maintenance database
    QString m_warehouse; // connection to the warehouse database
};

Status PostgresProfileTest::exec(const QString &sql, const QVariantList &values, const QString &connection)
{
    QSqlQuery query(QSqlDatabase::database(connection.isEmpty() ? m_warehouse : connection, false));
    const bool ok = values.isEmpty() ? query.exec(sql) : (query.prepare(sql) && [&] {
        for (const QVariant &value : values)
            query.addBindValue(value);
        return query.exec();
    }());
    if (!ok)
        return Error::make(ErrorCode::Unavailable, query.lastError().text() + u": "_s + sql.left(300));
    return std::nullopt;
}

QVariant PostgresProfileTest::scalar(const QString &sql)
{
    QSqlQuery query(QSqlDatabase::database(m_warehouse, false));
    if (!query.exec(sql) || !query.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(query.lastError().text()));
        return {};
    }
    return query.value(0);
}

void PostgresProfileTest::initTestCase()
{
    const auto server = postgresUnderTest();
    QVERIFY2(server, "STEWARD_TEST_POSTGRES is not set: run this test through ctest, which starts the `postgres` "
                     "fixture (tests/postgres/test-server.sh; apt-get install postgresql libqt6sql6-psql)");
    m_server = *server;
    QVERIFY2(QSqlDatabase::isDriverAvailable(u"QPSQL"_s), "the Qt SQL driver QPSQL is missing: apt-get install "
                                                          "libqt6sql6-psql");
    // The superuser of the throw-away server makes a warehouse database of its own.
    m_admin = u"pgprofile-admin"_s;
    QSqlDatabase admin = QSqlDatabase::addDatabase(u"QPSQL"_s, m_admin);
    admin.setHostName(m_server.host);
    admin.setPort(m_server.port);
    admin.setUserName(u"postgres"_s);
    admin.setDatabaseName(u"postgres"_s);
    QVERIFY2(admin.open(), qPrintable(u"cannot reach the test server %1 (apt-get install postgresql): %2"_s.arg(
                               m_server.toString(), admin.lastError().text())));
    m_database = u"steward_wh_%1"_s.arg(QUuid::createUuid().toString(QUuid::Id128).left(12));
    STEWARD_VERIFY_OK(exec(u"CREATE DATABASE "_s + m_database, {}, m_admin));
    m_warehouse = u"pgprofile-warehouse"_s;
    QSqlDatabase warehouse = QSqlDatabase::addDatabase(u"QPSQL"_s, m_warehouse);
    warehouse.setHostName(m_server.host);
    warehouse.setPort(m_server.port);
    warehouse.setUserName(u"postgres"_s);
    warehouse.setDatabaseName(m_database);
    QVERIFY2(warehouse.open(), qPrintable(warehouse.lastError().text()));

    STEWARD_VERIFY_OK(m_fixture.setUp());
    STEWARD_VERIFY_OK(createWarehouse());
    DataSource source;
    source.tenantId = m_fixture.tenantId();
    source.name = kPgSource;
    source.driver = DataSource::PostgresDriver;
    source.host = m_server.host;
    source.port = m_server.port;
    source.databaseName = m_database;
    source.schemaName = u"finance"_s;
    source.username = u"postgres"_s;
    STEWARD_VERIFY_OK(DataSourceRepository(m_fixture.database()).save(source));
    for (const ColumnSpec &spec : ledgerColumns()) {
        STEWARD_VERIFY_OK(addField(pgKey(u"ledger"_s, spec.column), kPgSource, u"ledger"_s, spec));
        STEWARD_VERIFY_OK(addField(liteKey(u"ledger"_s, spec.column), u"warehouse"_s, u"ledger"_s, spec));
    }
    const ColumnSpec bigId{u"id"_s, {}, {}, u"INTEGER"_s, {}, {{u"rule.big.id.unique"_s, u"unique"_s, {}}}, {}};
    const ColumnSpec bigCode{u"code"_s, {}, {}, u"TEXT"_s, u"12"_s,
                             {{u"rule.big.code"_s, u"regex"_s, object(R"({"pattern": "K-[0-9]+"})")}}, {}};
    const ColumnSpec bigName{u"name"_s, {}, {}, u"TEXT"_s, u"20"_s,
                             {{u"rule.big.name"_s, u"regex"_s, object(R"({"pattern": "name [0-9]{1,4}"})")}}, {}};
    for (const ColumnSpec &spec : {bigId, bigCode, bigName})
        STEWARD_VERIFY_OK(addField(pgKey(u"big"_s, spec.column), kPgSource, u"big"_s, spec));
    const ColumnSpec slowCode{u"code"_s, {}, {}, u"TEXT"_s, {}, {}, {}};
    STEWARD_VERIFY_OK(addField(pgKey(u"slow"_s, u"code"_s), kPgSource, u"slow"_s, slowCode));
}

void PostgresProfileTest::cleanupTestCase()
{
    if (!m_warehouse.isEmpty()) {
        QSqlDatabase::database(m_warehouse, false).close();
        QSqlDatabase::removeDatabase(m_warehouse);
    }
    if (!m_admin.isEmpty()) {
        if (!m_database.isEmpty())
            exec(u"DROP DATABASE IF EXISTS "_s + m_database + u" WITH (FORCE)"_s, {}, m_admin);
        QSqlDatabase::database(m_admin, false).close();
        QSqlDatabase::removeDatabase(m_admin);
    }
}

Status PostgresProfileTest::createWarehouse()
{
    const QList<ColumnSpec> columns = ledgerColumns();
    QStringList definitions{u"id bigint PRIMARY KEY"_s};
    QList<std::pair<QString, QString>> sqliteColumns;
    for (const ColumnSpec &spec : columns) {
        definitions.append(quoted(spec.column) + u' ' + spec.pgType);
        sqliteColumns.append({quoted(spec.column), spec.sqliteType});
    }
    for (const QString &sql : {u"CREATE SCHEMA finance"_s, u"CREATE SCHEMA sales"_s,
                               u"CREATE TABLE finance.ledger ("_s + definitions.join(u", "_s) + u')'}) {
        if (auto failed = exec(sql))
            return failed;
    }
    // The same rows in both warehouses, a few hundred per INSERT.
    constexpr int kBatch = 250;
    for (int first = 1; first <= kRows; first += kBatch) {
        QStringList rows;
        QVariantList values;
        for (int i = first; i < first + kBatch && i <= kRows; ++i) {
            QStringList row{u"?::bigint"_s};
            values.append(i);
            for (const ColumnSpec &spec : columns) {
                row.append(u"?::"_s + spec.pgType);
                values.append(spec.cell(i).value);
            }
            rows.append(u'(' + row.join(u", "_s) + u')');
        }
        if (auto failed = exec(u"INSERT INTO finance.ledger VALUES "_s + rows.join(u", "_s), values))
            return failed;
    }
    auto failed = m_fixture.createTable(u"ledger"_s, sqliteColumns, kRows, [&](qint64 row, int column) {
        const QVariant value = columns.at(column).cell(int(row)).value;
        return value.typeId() == QMetaType::Bool ? QVariant(value.toBool() ? 1 : 0) : value;
    });
    if (failed)
        return failed;

    for (const QString &sql : {
             // (i * 7919) % 250000 over i = 1..500000 takes all 250000 values twice.
             u"CREATE TABLE finance.big (id bigint, code text, name text)"_s,
             u"INSERT INTO finance.big SELECT i, 'K-' || ((i::bigint * 7919) %% 250000), 'name ' || (i %% 5000) "
             u"FROM generate_series(1, %1) i"_s.arg(kBigRows).replace(u"%%"_s, u"%"_s),
             // 0.5 ms a row: a scan that runs for seconds, to be stopped.
             u"CREATE VIEW finance.slow AS SELECT 'c' || i AS code FROM generate_series(1, 40000) i "
             u"WHERE pg_sleep(0.0005) IS NOT NULL"_s,
             u"CREATE TABLE finance.documents (body json)"_s,
             u"INSERT INTO finance.documents VALUES ('{\"a\": 1}'), ('{\"a\": 1}'), ('[1, 2]'), (NULL)"_s,
             u"CREATE TABLE finance.anchors (v text)"_s,
             u"INSERT INTO finance.anchors VALUES ('EUR'), (E'EUR\\n'), ('xEUR'), ('EURx'), ('eur')"_s,
             u"CREATE TABLE finance.\"Odd \"\"Name\"\"\" (\"Value \"\"x\"\"\" text)"_s,
             u"INSERT INTO finance.\"Odd \"\"Name\"\"\" VALUES ('a'), ('b'), (NULL)"_s,
             u"CREATE TABLE sales.ledger (code text)"_s,
         }) {
        if (auto failed = exec(sql))
            return failed;
    }
    return std::nullopt;
}

Status PostgresProfileTest::addField(const QString &key, const QString &source, const QString &table,
                                     const ColumnSpec &spec, const QString &schema)
{
    QJsonObject payload = ProfilerFixture::fieldPayload(key, Tier::Tier3, table, spec.column, spec.dataType, spec.format);
    payload[u"binding"_s] =
        QJsonObject{{u"source"_s, source}, {u"schema"_s, schema}, {u"table"_s, table}, {u"column"_s, spec.column}};
    EntityRepository entities(m_fixture.database());
    if (auto applied = entities.apply(m_fixture.tenantId(), EntityType::GlobalMetadata, std::nullopt,
                                      json::fromQJsonValue(payload), QDateTime::currentDateTimeUtc());
        !applied)
        return applied.error();
    for (const RuleSpec &rule : spec.rules) {
        // Rule keys are per field: the same rule for the pg and the lite field.
        const QString ruleKey = key + u':' + rule.key;
        const QJsonObject rulePayload{{u"canonicalKey"_s, ruleKey},     {u"label"_s, ruleKey},
                                      {u"appliesTo"_s, key},            {u"ruleType"_s, rule.type},
                                      {u"definition"_s, rule.definition}, {u"severity"_s, u"error"_s},
                                      {u"status"_s, u"active"_s}};
        if (auto applied = entities.apply(m_fixture.tenantId(), EntityType::BusinessRule, std::nullopt,
                                          json::fromQJsonValue(rulePayload), QDateTime::currentDateTimeUtc());
            !applied)
            return applied.error();
    }
    return std::nullopt;
}

QList<ProfileRun> PostgresProfileTest::runMany(const QStringList &keys, const ProfileRunner::Options &options)
{
    ProfileRunner runner(m_fixture.database());
    auto runs = runner.run(m_fixture.tenantId(), keys, Trigger::Manual, options);
    if (!runs) {
        qWarning("run failed: %s", qPrintable(runs.error().text()));
        return {};
    }
    return runs.value();
}

ProfileRun PostgresProfileTest::runOne(const QString &key, const ProfileRunner::Options &options)
{
    const QList<ProfileRun> runs = runMany({key}, options);
    return runs.isEmpty() ? ProfileRun{} : runs.constFirst();
}

void PostgresProfileTest::everyMetricMatchesIndependentCounts()
{
    const QList<ColumnSpec> columns = ledgerColumns();
    QStringList keys;
    for (const ColumnSpec &spec : columns)
        keys.append(pgKey(u"ledger"_s, spec.column));
    const QList<ProfileRun> runs = runMany(keys);
    QCOMPARE(runs.size(), columns.size());
    for (int c = 0; c < columns.size(); ++c) {
        const ColumnSpec &spec = columns.at(c);
        const ProfileRun &run = runs.at(c);
        const ColumnMetrics &metrics = run.metrics;
        const Expected expected = expectedFor(spec);
        QVERIFY2(run.status == RunStatus::Completed, qPrintable(spec.column + u": "_s + run.error));
        // Rows, values and distinct values as plain SQL counts them.
        QSqlQuery plain(QSqlDatabase::database(m_warehouse, false));
        QVERIFY(plain.exec(u"SELECT count(*), count(%1), count(DISTINCT %1) FROM finance.ledger"_s.arg(quoted(spec.column))));
        QVERIFY(plain.next());
        QCOMPARE(metrics.rows, plain.value(0).toLongLong());
        QCOMPARE(metrics.nonNull, plain.value(1).toLongLong());
        QCOMPARE(metrics.distinct, plain.value(2).toLongLong());
        QVERIFY2(metrics.distinctExact, qPrintable(spec.column));
        QCOMPARE(run.rowCount, qint64(kRows));
        QCOMPARE(metrics.rows, expected.rows);
        QCOMPARE(metrics.nonNull, expected.nonNull);
        QVERIFY2(metrics.valid == expected.valid,
                 qPrintable(u"%1: valid %2, expected %3"_s.arg(spec.column).arg(metrics.valid).arg(expected.valid)));
        const QJsonObject dataType = run.details.value(u"dataType"_s).toObject();
        if (dataType.contains(u"violations"_s))
            QVERIFY2(dataType.value(u"violations"_s).toInteger() == expected.typeViolations,
                     qPrintable(u"%1: %2 type violations, expected %3"_s.arg(spec.column)
                                    .arg(dataType.value(u"violations"_s).toInteger())
                                    .arg(expected.typeViolations)));
        else
            QCOMPARE(expected.typeViolations, 0);
        int valueRule = 0;
        QCOMPARE(metrics.rules.size(), spec.rules.size());
        for (int r = 0; r < spec.rules.size(); ++r) {
            const RuleOutcome &outcome = metrics.rules.at(r);
            if (outcome.ruleType == u"not_null"_s) {
                QCOMPARE(outcome.violations, expected.rows - expected.nonNull);
            } else if (outcome.ruleType == u"unique"_s) {
                QCOMPARE(outcome.violations, expected.nonNull - metrics.distinct);
            } else {
                QCOMPARE(outcome.checked, expected.nonNull);
                QVERIFY2(outcome.violations == expected.valueRuleViolations.value(valueRule),
                         qPrintable(u"%1 %2: %3 violations, expected %4"_s.arg(spec.column, outcome.ruleKey)
                                        .arg(outcome.violations)
                                        .arg(expected.valueRuleViolations.value(valueRule))));
                ++valueRule;
            }
        }
        QCOMPARE(run.details.value(u"distinct"_s).toObject().value(u"method"_s).toString(), u"exact"_s);
    }
    // The regular expressions as plain SQL applies them, whole value.
    QCOMPARE(runs.at(1).metrics.rules.constFirst().violations,
             runs.at(1).metrics.nonNull
                 - scalar(u"SELECT count(*) FROM finance.ledger WHERE code ~ '^[A-Z]{3}-[0-9]{3}$'"_s).toLongLong());
    QCOMPARE(runs.at(6).metrics.rules.constFirst().violations,
             runs.at(6).metrics.nonNull
                 - scalar(u"SELECT count(*) FROM finance.ledger WHERE currency IN ('EUR', 'USD', 'GBP')"_s).toLongLong());
}

void PostgresProfileTest::sameMeasurementsAsTheEmbeddedEngine()
{
    const QList<ColumnSpec> columns = ledgerColumns();
    QStringList pgKeys;
    QStringList liteKeys;
    for (const ColumnSpec &spec : columns) {
        pgKeys.append(pgKey(u"ledger"_s, spec.column));
        liteKeys.append(liteKey(u"ledger"_s, spec.column));
    }
    const QList<ProfileRun> pg = runMany(pgKeys);
    const QList<ProfileRun> lite = runMany(liteKeys);
    QCOMPARE(pg.size(), lite.size());
    for (int c = 0; c < pg.size(); ++c) {
        const QString column = columns.at(c).column;
        const ColumnMetrics &a = pg.at(c).metrics;
        const ColumnMetrics &b = lite.at(c).metrics;
        QVERIFY2(lite.at(c).status == RunStatus::Completed, qPrintable(lite.at(c).error));
        auto same = [&](const char *what, qint64 x, qint64 y) {
            QVERIFY2(x == y, qPrintable(u"%1 %2: PostgreSQL %3, SQLite %4"_s.arg(column, QString::fromLatin1(what))
                                            .arg(x)
                                            .arg(y)));
        };
        same("rows", a.rows, b.rows);
        same("nonNull", a.nonNull, b.nonNull);
        same("distinct", a.distinct, b.distinct);
        same("valid", a.valid, b.valid);
        QCOMPARE(a.distinctExact, b.distinctExact);
        QCOMPARE(a.rules.size(), b.rules.size());
        for (int r = 0; r < a.rules.size(); ++r) {
            same("rule checked", a.rules.at(r).checked, b.rules.at(r).checked);
            same("rule violations", a.rules.at(r).violations, b.rules.at(r).violations);
        }
        same("dataType violations",
             pg.at(c).details.value(u"dataType"_s).toObject().value(u"violations"_s).toInteger(-1),
             lite.at(c).details.value(u"dataType"_s).toObject().value(u"violations"_s).toInteger(-1));
        QCOMPARE(a.qualityGrade, b.qualityGrade);
        if (QTest::currentTestFailed())
            return;
    }
}

void PostgresProfileTest::regexMatchesTheWholeValue()
{
    // The values: EUR, "EUR\n", xEUR, EURx, eur. `.` never matches the newline (as in
    // RulePattern), whether the column is grouped by value or by register.
    const QList<std::pair<QString, qint64>> patterns{{u"^[A-Z]{3}$"_s, 1}, {u"[A-Z]{3}"_s, 1}, {u"(?i)[a-z]{3}"_s, 2},
                                                     {u"EUR|xEUR"_s, 2},   {u"EUR."_s, 1},      {u"EUR[^x]"_s, 1}};
    ProfileRunner::Options byRegister;
    byRegister.distinctMemoryBytes = 0;
    for (int p = 0; p < patterns.size(); ++p) {
        const QString key = pgKey(u"anchors"_s, u"v%1"_s.arg(p));
        ColumnSpec spec{u"v"_s, {}, {}, u"TEXT"_s, {}, {{u"rule.anchor"_s, u"regex"_s, {}}}, {}};
        spec.rules[0].definition = QJsonObject{{u"pattern"_s, patterns.at(p).first}};
        STEWARD_VERIFY_OK(addField(key, kPgSource, u"anchors"_s, spec));
        for (const ProfileRunner::Options &options : {ProfileRunner::Options(), byRegister}) {
            const ProfileRun run = runOne(key, options);
            QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
            QCOMPARE(run.metrics.nonNull, 5);
            // "EUR\n" never matches: the whole value, newline included.
            QVERIFY2(run.metrics.valid == patterns.at(p).second,
                     qPrintable(patterns.at(p).first + u": "_s + QString::number(run.metrics.valid)));
        }
    }
}

void PostgresProfileTest::estimatesBeyondTheExactBound()
{
    const QStringList keys{pgKey(u"big"_s, u"id"_s), pgKey(u"big"_s, u"code"_s), pgKey(u"big"_s, u"name"_s)};
    // No statistics and no memory for exact values: every column is estimated.
    ProfileRunner::Options none;
    none.distinctMemoryBytes = 0;
    QList<ProfileRun> runs = runMany(keys, none);
    QCOMPARE(runs.size(), 3);
    for (const ProfileRun &run : runs) {
        QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
        QVERIFY(!run.metrics.distinctExact);
        QCOMPARE(run.details.value(u"distinct"_s).toObject().value(u"method"_s).toString(), u"hyperloglog"_s);
        QCOMPARE(run.metrics.rows, kBigRows);
        QCOMPARE(run.metrics.valid, kBigRows); // the checks still count every row
    }
    auto near = [](qint64 estimate, double truth) { return std::fabs(double(estimate) - truth) / truth < 0.02; };
    QVERIFY2(near(runs.at(0).metrics.distinct, kBigRows), qPrintable(QString::number(runs.at(0).metrics.distinct)));
    QVERIFY2(near(runs.at(1).metrics.distinct, 250000), qPrintable(QString::number(runs.at(1).metrics.distinct)));
    QVERIFY2(near(runs.at(2).metrics.distinct, 5000), qPrintable(QString::number(runs.at(2).metrics.distinct)));
    const RuleOutcome &unique = runs.at(0).metrics.rules.constFirst();
    QCOMPARE(unique.checked, kBigRows);
    QVERIFY(runs.at(0).details.value(u"rules"_s).toArray().at(0).toObject().value(u"estimated"_s).toBool());

    // With statistics the columns under the bound are exact, the others estimated.
    STEWARD_VERIFY_OK(exec(u"ANALYZE finance.big"_s));
    runs = runMany(keys);
    QCOMPARE(runs.size(), 3);
    QVERIFY(!runs.at(0).metrics.distinctExact);
    QVERIFY(!runs.at(1).metrics.distinctExact);
    QVERIFY(runs.at(2).metrics.distinctExact);
    QCOMPARE(runs.at(2).metrics.distinct, 5000);
    QCOMPARE(runs.at(2).details.value(u"distinct"_s).toObject().value(u"method"_s).toString(), u"exact"_s);
    QVERIFY(near(runs.at(1).metrics.distinct, 250000));
}

void PostgresProfileTest::splitScanMatchesOneScan()
{
    const QStringList keys{pgKey(u"big"_s, u"code"_s), pgKey(u"big"_s, u"name"_s)};
    ProfileRunner::Options one;
    one.scanThreads = 1;
    ProfileRunner::Options three = one;
    three.scanThreads = 3;
    QList<int> progress;
    three.progress = [&](int percent) { progress.append(percent); };
    const QList<ProfileRun> whole = runMany(keys, one);
    const QList<ProfileRun> split = runMany(keys, three);
    QCOMPARE(split.size(), whole.size());
    for (int i = 0; i < whole.size(); ++i) {
        QVERIFY2(split.at(i).status == RunStatus::Completed, qPrintable(split.at(i).error));
        QCOMPARE(whole.at(i).details.value(u"scanParts"_s).toInt(), 1);
        QCOMPARE(split.at(i).details.value(u"scanParts"_s).toInt(), 3);
        QCOMPARE(split.at(i).metrics.rows, kBigRows);
        QCOMPARE(split.at(i).metrics.nonNull, whole.at(i).metrics.nonNull);
        QCOMPARE(split.at(i).metrics.valid, whole.at(i).metrics.valid);
        QCOMPARE(split.at(i).metrics.rules.constFirst().violations, whole.at(i).metrics.rules.constFirst().violations);
        // Exact sets merge to the union; registers merge to the very sketch one scan makes.
        QCOMPARE(split.at(i).metrics.distinctExact, whole.at(i).metrics.distinctExact);
        QCOMPARE(split.at(i).metrics.distinct, whole.at(i).metrics.distinct);
    }
    QVERIFY(progress.size() >= 3);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
}

void PostgresProfileTest::sampledRunIsRepeatable()
{
    ProfileRunner::Options options;
    options.sampleRows = 50000;
    const ProfileRun a = runOne(pgKey(u"big"_s, u"name"_s), options);
    const ProfileRun b = runOne(pgKey(u"big"_s, u"name"_s), options);
    QVERIFY2(a.status == RunStatus::Completed, qPrintable(a.error));
    QCOMPARE(a.rowCount, kBigRows);
    QCOMPARE(a.details.value(u"sampling"_s).toObject().value(u"every"_s).toInteger(), 10);
    QVERIFY2(std::abs(a.sampledRows - 50000) < 2500, qPrintable(QString::number(a.sampledRows)));
    QCOMPARE(b.sampledRows, a.sampledRows);
    QCOMPARE(b.metrics.distinct, a.metrics.distinct);
    QCOMPARE(a.details.value(u"scanParts"_s).toInt(), 1);
}

void PostgresProfileTest::cancelStopsTheStatement()
{
    std::atomic_bool cancel{false};
    ProfileRunner::Options options;
    options.cancel = &cancel;
    std::thread canceller([&] {
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        cancel = true;
    });
    QElapsedTimer clock;
    clock.start();
    const ProfileRun run = runOne(pgKey(u"slow"_s, u"code"_s), options);
    const qint64 elapsed = clock.elapsed();
    canceller.join();
    QCOMPARE(toString(run.status), toString(RunStatus::Cancelled));
    QCOMPARE(run.error, u"the run was cancelled"_s);
    // The view needs 20 s; the statement ended soon after the flag.
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
    QCOMPARE(scalar(u"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'metadata-steward-profiler' "
                    u"AND state = 'active'"_s)
                 .toInt(),
             0);
}

void PostgresProfileTest::timeLimitFailsTheRun()
{
    ProfileRunner::Options options;
    options.timeLimitMs = 700;
    QElapsedTimer clock;
    clock.start();
    const ProfileRun run = runOne(pgKey(u"slow"_s, u"code"_s), options);
    const qint64 elapsed = clock.elapsed();
    QCOMPARE(toString(run.status), toString(RunStatus::Failed));
    QCOMPARE(run.error, u"ran longer than the limit of 0.7 s"_s);
    QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
}

void PostgresProfileTest::missingAndHostileNamesFailAlone()
{
    const ColumnSpec code{u"code"_s, {}, {}, u"TEXT"_s, {}, {}, {}};
    const ColumnSpec missing{u"missing_column"_s, {}, {}, u"TEXT"_s, {}, {}, {}};
    const ColumnSpec hostileColumn{u"code\" FROM finance.ledger; DROP TABLE finance.ledger; --"_s,
                                   {}, {}, u"TEXT"_s, {}, {}, {}};
    const ColumnSpec odd{u"Value \"x\""_s, {}, {}, u"TEXT"_s, {}, {}, {}};
    STEWARD_VERIFY_OK(addField(u"pg.bad.column"_s, kPgSource, u"ledger"_s, missing));
    STEWARD_VERIFY_OK(addField(u"pg.bad.table"_s, kPgSource, u"no_such_table"_s, code));
    STEWARD_VERIFY_OK(addField(u"pg.bad.schema"_s, kPgSource, u"ledger"_s, code, u"nowhere"_s));
    STEWARD_VERIFY_OK(addField(u"pg.hostile.column"_s, kPgSource, u"ledger"_s, hostileColumn));
    STEWARD_VERIFY_OK(addField(u"pg.hostile.table"_s, kPgSource, u"ledger; DROP TABLE finance.ledger; --"_s, code));
    STEWARD_VERIFY_OK(
        addField(u"pg.hostile.schema"_s, kPgSource, u"ledger"_s, code, u"finance\".ledger; DROP SCHEMA finance; --"_s));
    STEWARD_VERIFY_OK(addField(u"pg.odd.name"_s, kPgSource, u"Odd \"Name\""_s, odd));
    STEWARD_VERIFY_OK(addField(u"pg.other.schema"_s, kPgSource, u"ledger"_s, code, u"sales"_s));
    const ColumnSpec body{u"body"_s, {}, {}, u"TEXT"_s, u"6"_s, {}, {}};
    STEWARD_VERIFY_OK(addField(u"pg.documents.body"_s, kPgSource, u"documents"_s, body));
    const QStringList keys{u"pg.bad.column"_s,  u"pg.bad.table"_s,    u"pg.bad.schema"_s,
                           u"pg.hostile.column"_s, u"pg.hostile.table"_s, u"pg.hostile.schema"_s,
                           u"pg.odd.name"_s,    u"pg.other.schema"_s, pgKey(u"ledger"_s, u"qty"_s),
                           u"pg.documents.body"_s};
    const QList<ProfileRun> runs = runMany(keys);
    QCOMPARE(runs.size(), keys.size());
    QCOMPARE(runs.at(0).error, u"column missing_column not found in finance.ledger"_s);
    QCOMPARE(runs.at(1).error, u"table finance.no_such_table not found in data source pg"_s);
    QCOMPARE(runs.at(2).error, u"schema nowhere not found in data source pg"_s);
    QVERIFY2(runs.at(3).error.startsWith(u"column code\" FROM finance.ledger; DROP TABLE"_s), qPrintable(runs.at(3).error));
    QVERIFY2(runs.at(4).error.startsWith(u"table finance.ledger; DROP TABLE"_s), qPrintable(runs.at(4).error));
    QVERIFY2(runs.at(5).error.startsWith(u"schema finance\".ledger; DROP SCHEMA"_s), qPrintable(runs.at(5).error));
    for (int i = 0; i < 6; ++i)
        QCOMPARE(toString(runs.at(i).status), toString(RunStatus::Failed));
    // Quoted names the catalog has are measured, whatever they contain.
    QVERIFY2(runs.at(6).status == RunStatus::Completed, qPrintable(runs.at(6).error));
    QCOMPARE(runs.at(6).metrics.rows, 3);
    QCOMPARE(runs.at(6).metrics.nonNull, 2);
    // A column whose type has no equality (json) is counted by its text.
    QVERIFY2(runs.at(9).status == RunStatus::Completed, qPrintable(runs.at(9).error));
    QCOMPARE(runs.at(9).metrics.nonNull, 3);
    QCOMPARE(runs.at(9).metrics.distinct, 2);
    QCOMPARE(runs.at(9).metrics.valid, 1); // only "[1, 2]" fits in 6 characters
    // The binding's schema wins over the source's.
    QVERIFY2(runs.at(7).status == RunStatus::Completed, qPrintable(runs.at(7).error));
    QCOMPARE(runs.at(7).metrics.rows, 0);
    QVERIFY2(runs.at(8).status == RunStatus::Completed, qPrintable(runs.at(8).error));
    QCOMPARE(scalar(u"SELECT count(*) FROM finance.ledger"_s).toInt(), kRows);
}

void PostgresProfileTest::regexPostgresReadsOtherwiseIsJudgedByRulePattern()
{
    // Valid for QRegularExpression (PCRE2), refused by PostgreSQL's ARE (\p{L}) or read
    // as something else (\b, a backspace there): judged by RulePattern on every value,
    // as the embedded engine judges the same rows.
    const QList<std::pair<QString, QString>> patterns{{u"property"_s, u"[\\p{L} ]+"_s},
                                                      {u"boundary"_s, u"\\bMuller\\b.*"_s}};
    QStringList keys;
    for (const auto &[name, pattern] : patterns) {
        ColumnSpec spec{u"label"_s, {}, {}, u"TEXT"_s, {}, {{u"rule."_s + name, u"regex"_s, {}}}, {}};
        spec.rules[0].definition = QJsonObject{{u"pattern"_s, pattern}};
        STEWARD_VERIFY_OK(addField(u"pg.ledger.label_"_s + name, kPgSource, u"ledger"_s, spec));
        STEWARD_VERIFY_OK(addField(u"lite.ledger.label_"_s + name, u"warehouse"_s, u"ledger"_s, spec));
        keys << u"pg.ledger.label_"_s + name << u"lite.ledger.label_"_s + name;
    }
    const QList<ProfileRun> runs = runMany(keys);
    QCOMPARE(runs.size(), 4);
    for (const ProfileRun &run : runs)
        QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.canonicalKey + u": "_s + run.error));
    // Muller GmbH and the Japanese name are letters and spaces; "Lodz 42" is not.
    QCOMPARE(runs.at(0).metrics.valid, qint64(kRows - kRows / 3));
    QCOMPARE(runs.at(0).metrics.valid, runs.at(1).metrics.valid);
    QCOMPARE(runs.at(2).metrics.valid, qint64((kRows + 2) / 3));
    QCOMPARE(runs.at(2).metrics.valid, runs.at(3).metrics.valid);

    // A column grouped by register (no memory for exact values) with such a pattern is
    // grouped by value instead: still RulePattern's verdict on every row.
    ColumnSpec letters{u"code"_s, {}, {}, u"TEXT"_s, {}, {{u"rule.big.letters"_s, u"regex"_s, {}}}, {}};
    letters.rules[0].definition = QJsonObject{{u"pattern"_s, u"\\p{Lu}-\\d+"_s}};
    STEWARD_VERIFY_OK(addField(u"pg.big.code_letters"_s, kPgSource, u"big"_s, letters));
    ProfileRunner::Options none;
    none.distinctMemoryBytes = 0;
    const ProfileRun big = runOne(u"pg.big.code_letters"_s, none);
    QVERIFY2(big.status == RunStatus::Completed, qPrintable(big.error));
    QCOMPARE(big.metrics.rows, kBigRows);
    QCOMPARE(big.metrics.valid, kBigRows);
}

void PostgresProfileTest::invalidRegexFailsOnlyItsField()
{
    ColumnSpec broken{u"label"_s, {}, {}, u"TEXT"_s, {}, {{u"rule.broken"_s, u"regex"_s, object(R"({"pattern": "(Muller"})")}}, {}};
    STEWARD_VERIFY_OK(addField(u"pg.ledger.label_broken"_s, kPgSource, u"ledger"_s, broken));
    const QList<ProfileRun> runs = runMany({u"pg.ledger.label_broken"_s, pgKey(u"ledger"_s, u"label"_s)});
    QCOMPARE(runs.size(), 2);
    QCOMPARE(toString(runs.at(0).status), toString(RunStatus::Failed));
    QVERIFY2(runs.at(0).error.contains(u"\"(Muller\" is not a valid regular expression"_s), qPrintable(runs.at(0).error));
    QVERIFY2(runs.at(1).status == RunStatus::Completed, qPrintable(runs.at(1).error));
    QCOMPARE(runs.at(1).metrics.valid, expectedFor(ledgerColumns().at(14)).valid);
}

void PostgresProfileTest::connectionsAreClosed()
{
    {
        ProfileRunner runner(m_fixture.database());
        QVERIFY(runner.run(m_fixture.tenantId(), {pgKey(u"ledger"_s, u"qty"_s)}, Trigger::Manual, {}).ok());
    }
    for (const QString &name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.startsWith(u"steward-profiler-"_s), qPrintable(name));
    QTRY_COMPARE(
        scalar(u"SELECT count(*) FROM pg_stat_activity WHERE application_name = 'metadata-steward-profiler'"_s).toInt(),
        0);
}

QTEST_GUILESS_MAIN(PostgresProfileTest)
#include "tst_postgresprofile.moc"
