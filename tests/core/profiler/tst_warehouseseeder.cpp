// The demo warehouse: every demo binding resolves, seeding is deterministic and atomic,
// and the demo's profiles spread over the grades A to F.

#include "../TestDatabase.h"

#include "demo/DemoCatalog.h"
#include "demo/DemoSeeder.h"
#include "demo/WarehouseSeeder.h"
#include "profiler/ProfileRunner.h"
#include "store/DataSourceRepository.h"

#include <QCryptographicHash>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace steward;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

// Runs `body` on a read-only connection to the file, then removes the connection.
template <typename Body> void withWarehouse(const QString &path, Body body)
{
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"warehouse-check"_s);
        db.setConnectOptions(u"QSQLITE_OPEN_READONLY"_s);
        db.setDatabaseName(path);
        QVERIFY(db.open());
        body(db);
        db.close();
    }
    QSqlDatabase::removeDatabase(u"warehouse-check"_s);
}

qint64 count(const QSqlDatabase &db, const QString &table)
{
    QSqlQuery query(db);
    return query.exec(u"SELECT COUNT(*) FROM \""_s + table + u'"') && query.next() ? query.value(0).toLongLong() : -1;
}

QByteArray fingerprint(const QString &path)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    withWarehouse(path, [&](const QSqlDatabase &db) {
        QSqlQuery query(db);
        QVERIFY(query.exec(u"SELECT * FROM journal_lines ORDER BY line_id"_s));
        while (query.next()) {
            for (int i = 0; i < 12; ++i)
                hash.addData(query.value(i).toString().toUtf8() + '|');
        }
    });
    return hash.result();
}

} // namespace

class WarehouseSeederTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathIsBesideTheMetadataFile();
    void rowsFromEnvironment();
    void everyDemoBindingResolves();
    void seedingIsDeterministicAndReplacesTheFile();
    void demoProfilesSpreadOverEveryGrade();

private:
    QTemporaryDir m_dir;
};

void WarehouseSeederTest::pathIsBesideTheMetadataFile()
{
    QCOMPARE(WarehouseSeeder::pathBeside(u"/data/steward/steward.db"_s), u"/data/steward/steward-warehouse.db"_s);
    QCOMPARE(WarehouseSeeder::pathBeside(u"/data/team.v2.sqlite"_s), u"/data/team.v2-warehouse.db"_s);
}

void WarehouseSeederTest::rowsFromEnvironment()
{
    const QByteArray saved = qgetenv("STEWARD_DEMO_WAREHOUSE_ROWS");
    qputenv("STEWARD_DEMO_WAREHOUSE_ROWS", "1234");
    QCOMPARE(WarehouseSeeder::journalLinesFromEnvironment(), 1234);
    qputenv("STEWARD_DEMO_WAREHOUSE_ROWS", "many");
    QCOMPARE(WarehouseSeeder::journalLinesFromEnvironment(77), 77);
    qunsetenv("STEWARD_DEMO_WAREHOUSE_ROWS");
    QCOMPARE(WarehouseSeeder::journalLinesFromEnvironment(), WarehouseSeeder::DefaultJournalLines);
    if (!saved.isNull())
        qputenv("STEWARD_DEMO_WAREHOUSE_ROWS", saved);
}

void WarehouseSeederTest::everyDemoBindingResolves()
{
    const QString path = m_dir.filePath(u"bindings.db"_s);
    auto seeded = WarehouseSeeder().seed(path, {5000, 1});
    QVERIFY2(seeded.ok(), qPrintable(seeded ? QString() : seeded.error().text()));
    withWarehouse(path, [&](const QSqlDatabase &db) {
        qint64 total = 0;
        for (const QString &table : seeded.value().tables)
            total += count(db, table);
        QCOMPARE(total, seeded.value().rows);
        QCOMPARE(count(db, u"journal_lines"_s), 5000);
        for (const demo::DemoField &field : demo::fields()) {
            QSqlQuery columns(db);
            QVERIFY(columns.prepare(u"SELECT COUNT(*) FROM pragma_table_info(?) WHERE name = ?"_s));
            columns.addBindValue(field.table);
            columns.addBindValue(field.column);
            QVERIFY(columns.exec() && columns.next());
            QVERIFY2(columns.value(0).toInt() == 1, qPrintable(field.table + u'.' + field.column));
        }
    });
}

void WarehouseSeederTest::seedingIsDeterministicAndReplacesTheFile()
{
    const QString first = m_dir.filePath(u"first.db"_s);
    const QString second = m_dir.filePath(u"second.db"_s);
    QVERIFY(WarehouseSeeder().seed(first, {3000, 7}).ok());
    QVERIFY(WarehouseSeeder().seed(second, {3000, 7}).ok());
    QCOMPARE(fingerprint(first), fingerprint(second));

    // Seeding again replaces the file whole, with nothing left of the build.
    QVERIFY(WarehouseSeeder().seed(second, {2000, 8}).ok());
    QVERIFY(fingerprint(first) != fingerprint(second));
    withWarehouse(second, [](const QSqlDatabase &db) { QCOMPARE(count(db, u"journal_lines"_s), 2000); });
    QVERIFY(!QFile::exists(second + u".building"_s));
}

void WarehouseSeederTest::demoProfilesSpreadOverEveryGrade()
{
    TestDatabase metadata;
    STEWARD_VERIFY_OK(metadata.setUp());
    DemoSeeder seeder(metadata.database());
    seeder.setWarehouseJournalLines(20000);
    auto summary = seeder.seed();
    QVERIFY2(summary.ok(), qPrintable(summary ? QString() : summary.error().text()));
    QCOMPARE(summary.value().warehousePath, WarehouseSeeder::pathBeside(metadata.path()));
    QVERIFY(QFile::exists(summary.value().warehousePath));
    for (const QUuid &tenant : {demo::northwindTenantId(), demo::contosoTenantId()}) {
        auto source = DataSourceRepository(metadata.database()).find(tenant, u"warehouse"_s);
        QVERIFY(source.ok() && source.value());
        QCOMPARE(source.value()->path, summary.value().warehousePath);
        QCOMPARE(source.value()->driver, u"sqlite"_s);
    }

    QStringList keys;
    for (const demo::DemoField &field : demo::fields())
        keys.append(field.key);
    profiler::ProfileRunner runner(metadata.database());
    auto runs = runner.run(demo::northwindTenantId(), keys, profiler::Trigger::Manual, {});
    QVERIFY(runs.ok());
    QSet<QString> grades;
    for (const profiler::ProfileRun &run : runs.value()) {
        if (run.status == profiler::RunStatus::Completed)
            grades.insert(run.metrics.qualityGrade);
        else // the demo's history moved some bindings to a schema the warehouse lacks
            QVERIFY2(run.error.contains(u"finance_v2"_s), qPrintable(run.canonicalKey + u": "_s + run.error));
    }
    QCOMPARE(grades, (QSet<QString>{u"A"_s, u"B"_s, u"C"_s, u"D"_s, u"F"_s}));
}

QTEST_GUILESS_MAIN(WarehouseSeederTest)
#include "tst_warehouseseeder.moc"
