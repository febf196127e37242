// ProfileRunner against a generated warehouse where every count is known by
// construction: each row's value is drawn from a category whose verdict (null, fits
// the dataType, passes each rule) is decided here, independently of the SQL functions.

#include "../TestDatabase.h"

#include "profiler/ProfileRunner.h"
#include "store/DataSourceRepository.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSet>
#include <QSqlDatabase>
#include <QSqlError>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <functional>

using namespace steward;
using namespace steward::profiler;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

constexpr int kLedgerRows = 20000;
constexpr int kBigRows = 300000;

// One generated value and the verdicts the profiler must reach on it.
struct Cell
{
    QVariant value;
    bool typeOk = true;
    QList<bool> rulesOk; // the field's regex / range / enum rules, in rule key order
};

struct RuleSpec
{
    QString key; // rule keys sort in the order the verdicts are listed
    QString type;
    QString definition;
};

struct ColumnSpec
{
    QString column;
    QString declaredType;
    QString dataType;
    QString format;
    QList<RuleSpec> rules;
    std::function<Cell(int row)> cell;
};

QVariant text(const QString &value) { return QVariant(value); }

QList<ColumnSpec> ledgerColumns()
{
    return {
        {u"amount"_s, QString(), u"DECIMAL"_s, u"18,2"_s,
         {{u"rule.amount.range"_s, u"range"_s, uR"({"min": 0, "max": 9999999999999999.99})"_s}},
         [](int i) -> Cell {
             switch (i % 10) {
             case 0: return {QVariant(), true, {}};
             case 1: return {text(u"9999999999999999.99"_s), true, {true}};
             case 2: return {text(u"12345678901234567.891"_s), false, {false}};
             case 3: return {QVariant(double(i) + 0.345), false, {true}};
             case 4: return {text(u"N/A"_s), false, {false}};
             default: return {QVariant(double(i % 5000 + 101) / 100.0), true, {true}};
             }
         }},
        {u"code"_s, u"TEXT"_s, u"TEXT"_s, u"7"_s,
         {{u"rule.code.pattern"_s, u"regex"_s, uR"({"pattern": "^[A-Z]{3}-[0-9]{3}$"})"_s},
          {u"rule.code.unique"_s, u"unique"_s, u"{}"_s}},
         [](int i) -> Cell {
             const QString number = u"%1"_s.arg(i % 1000, 3, 10, QChar(u'0'));
             if (i % 7 == 0)
                 return {QVariant(), true, {}};
             if (i % 7 == 1)
                 return {text(u"abc-"_s + number), true, {false}};
             return {text(u"ABC-"_s + number), true, {true}};
         }},
        {u"status"_s, u"TEXT"_s, u"TEXT"_s, QString(),
         {{u"rule.status.enum"_s, u"enum"_s, uR"({"values": ["open", "closed", "void"]})"_s},
          {u"rule.status.required"_s, u"not_null"_s, u"{}"_s}},
         [](int i) -> Cell {
             static const QStringList values{u"pending"_s, QString(), u"open"_s, u"closed"_s, u"void"_s};
             if (i % 5 == 1)
                 return {QVariant(), true, {}};
             return {text(values.at(i % 5)), true, {i % 5 != 0}};
         }},
        {u"qty"_s, u"INTEGER"_s, u"INTEGER"_s, QString(),
         {{u"rule.qty.range"_s, u"range"_s, uR"({"min": 1, "max": 100})"_s}},
         [](int i) -> Cell {
             switch (i % 4) {
             case 0: return {QVariant(0), true, {false}};
             case 1: return {QVariant(150), true, {false}};
             case 2: return {QVariant(50), true, {true}};
             default: return {QVariant(7.5), false, {true}};
             }
         }},
        {u"label"_s, u"TEXT"_s, u"TEXT"_s, u"12"_s,
         {{u"rule.label.letters"_s, u"regex"_s, uR"({"pattern": "^[\\p{L} ]+$"})"_s}},
         [](int i) -> Cell {
             switch (i % 3) {
             case 0: return {text(u"Müller GmbH"_s), true, {true}};              // 11 characters
             case 1: return {text(u"株式会社サンプル商事ABCD"_s), false, {true}}; // 14 characters
             default: return {text(u"Łódź 42"_s), true, {false}};
             }
         }},
        {u"booked"_s, u"TEXT"_s, u"DATE"_s, u"YYYY-MM-DD"_s, {}, [](int i) -> Cell {
             switch (i % 6) {
             case 0: return {QVariant(), true, {}};
             case 1: return {text(u"2024-02-29"_s), true, {}};
             case 2: return {text(u"2023-02-29"_s), false, {}};
             case 3: return {text(u"31/12/2024"_s), false, {}};
             case 4: return {text(QDate(2024, 1, 1).addDays(i % 365).toString(Qt::ISODate)), true, {}};
             default: return {text(u"2024-13-01"_s), false, {}};
             }
         }},
        {u"flag"_s, QString(), u"BOOLEAN"_s, QString(), {}, [](int i) -> Cell {
             switch (i % 4) {
             case 0: return {QVariant(1), true, {}};
             case 1: return {QVariant(0), true, {}};
             case 2: return {text(u"true"_s), true, {}};
             default: return {text(u"maybe"_s), false, {}};
             }
         }},
        {u"stamp"_s, u"TEXT"_s, u"TIMESTAMP"_s, QString(), {}, [](int i) -> Cell {
             switch (i % 3) {
             case 0: return {text(u"2024-01-05T10:00:00Z"_s), true, {}};
             case 1: return {text(u"2024-01-05 10:00:00.250"_s), true, {}};
             default: return {text(u"2024-01-05"_s), false, {}};
             }
         }},
        {u"nothing"_s, u"TEXT"_s, u"TEXT"_s, QString(),
         {{u"rule.nothing.pattern"_s, u"regex"_s, uR"({"pattern": "^x$"})"_s}},
         [](int) -> Cell { return {QVariant(), true, {}}; }},
        {u"free_text"_s, u"TEXT"_s, u"TEXT"_s, QString(), {}, [](int i) -> Cell {
             return {i % 2 ? text(u"x"_s) : QVariant(), true, {}};
         }},
    };
}

// What the profiler must report for one column over the rows in scope.
struct Expected
{
    qint64 rows = 0;
    qint64 nonNull = 0;
    qint64 distinct = 0;
    qint64 valid = 0;
    QList<qint64> valueRuleViolations;
};

QString distinctKey(const QVariant &value)
{
    if (value.typeId() == QMetaType::Double)
        return u"n:"_s + QString::number(value.toDouble(), 'g', 17);
    if (value.typeId() == QMetaType::Int || value.typeId() == QMetaType::LongLong)
        return u"n:"_s + QString::number(value.toLongLong());
    return u"t:"_s + value.toString();
}

Expected expectedFor(const ColumnSpec &spec, qint64 every)
{
    Expected expected;
    QSet<QString> distinct;
    for (int i = 1; i <= kLedgerRows; ++i) {
        if (every > 1 && i % every != 0)
            continue;
        ++expected.rows;
        const Cell cell = spec.cell(i);
        if (expected.valueRuleViolations.isEmpty())
            expected.valueRuleViolations.fill(0, cell.rulesOk.size());
        if (cell.value.isNull())
            continue;
        ++expected.nonNull;
        distinct.insert(distinctKey(cell.value));
        bool valid = cell.typeOk;
        for (int r = 0; r < cell.rulesOk.size(); ++r) {
            valid = valid && cell.rulesOk.at(r);
            if (expected.valueRuleViolations.size() <= r)
                expected.valueRuleViolations.resize(r + 1);
            if (!cell.rulesOk.at(r))
                ++expected.valueRuleViolations[r];
        }
        if (valid)
            ++expected.valid;
    }
    expected.distinct = distinct.size();
    return expected;
}

QString fieldKey(const QString &table, const QString &column)
{
    return u"wh.%1.%2"_s.arg(table, column);
}

} // namespace

class ProfileRunnerTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void exactRunCountsEveryMetric();
    void sampledRunCountsTheSample();
    void tableWithoutRowidSamplesItsFirstRows();
    void estimatedDistinctIsRecorded();
    void splitScanMatchesOneScan();
    void emptyTableHasNoScore();
    void allNullColumn();
    void noRulesIsFullyValid();
    void badBindingsFailAlone();
    void badRegexFailsOnlyItsField();
    void patternTheEngineGivesUpOnFailsItsRule();
    void unknownStoredTierFailsItsField();
    void cancelStopsTheScan();
    void timeLimitFailsTheRun();
    void connectionsAreRemoved();

private:
    Status createWarehouse();
    Status addField(const QString &table, const ColumnSpec &spec, const QString &schema = u"finance"_s,
                    const QString &source = u"warehouse"_s, const QString &key = {});
    ProfileRun runOne(const QString &key, const ProfileRunner::Options &options = {});
    QList<ProfileRun> runMany(const QStringList &keys, const ProfileRunner::Options &options = {});
    void verifyColumn(const ProfileRun &run, const ColumnSpec &spec, qint64 every);

    TestDatabase m_db;
    QString m_warehousePath;
};

Status ProfileRunnerTest::createWarehouse()
{
    m_warehousePath = QFileInfo(m_db.path()).absoluteDir().filePath(u"warehouse.db"_s);
    QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"fixture-warehouse"_s);
    db.setDatabaseName(m_warehousePath);
    if (!db.open())
        return Error::make(ErrorCode::Unavailable, db.lastError().text());
    auto exec = [&](const QString &sql, const QVariantList &values = {}) -> Status {
        QSqlQuery query(db);
        if (!query.prepare(sql))
            return Error::make(ErrorCode::Unavailable, query.lastError().text() + u": "_s + sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec())
            return Error::make(ErrorCode::Unavailable, query.lastError().text() + u": "_s + sql);
        return std::nullopt;
    };
    const QList<ColumnSpec> columns = ledgerColumns();
    QStringList definitions{u"id INTEGER PRIMARY KEY"_s};
    QStringList placeholders{u"?"_s};
    for (const ColumnSpec &spec : columns) {
        // Quoted: "nothing" is an SQLite keyword, which the profiler must quote too.
        definitions.append((u'"' + spec.column + u"\" "_s + spec.declaredType).trimmed());
        placeholders.append(u"?"_s);
    }
    Status failed = exec(u"CREATE TABLE ledger ("_s + definitions.join(u", "_s) + u')');
    failed = failed ? failed : exec(u"BEGIN"_s);
    {
        QSqlQuery insert(db);
        insert.prepare(u"INSERT INTO ledger VALUES ("_s + placeholders.join(u", "_s) + u')');
        for (int i = 1; !failed && i <= kLedgerRows; ++i) {
            insert.addBindValue(i);
            for (const ColumnSpec &spec : columns)
                insert.addBindValue(spec.cell(i).value);
            if (!insert.exec())
                failed = Error::make(ErrorCode::Unavailable, insert.lastError().text());
        }
    }
    for (const QString &sql :
         {u"CREATE TABLE empty_table (id INTEGER PRIMARY KEY, amount NUMERIC)"_s,
          u"CREATE TABLE big (id INTEGER PRIMARY KEY, code TEXT, name TEXT)"_s,
          u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 300000) "
          u"INSERT INTO big SELECT i, 'K-' || ((i * 7919) % 250000), 'name ' || (i % 5000) FROM n"_s,
          u"CREATE TABLE words (id INTEGER PRIMARY KEY, word TEXT, other TEXT)"_s,
          // The third word is a near miss that ^(a+)+$ backtracks on until PCRE2 gives up.
          u"INSERT INTO words (word, other) VALUES ('aaa', 'p'), ('ab', 'q'), ('"_s + QString(40, u'a')
              + u"b', 'r'), ('aaaa', 's')"_s,
          u"CREATE TABLE keyed (code TEXT PRIMARY KEY, v INTEGER) WITHOUT ROWID"_s,
          u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100) "
          u"INSERT INTO keyed SELECT 'k' || i, CASE WHEN i % 2 THEN i END FROM n"_s,
          u"COMMIT"_s}) {
        failed = failed ? failed : exec(sql);
    }
    db.close();
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"fixture-warehouse"_s);
    if (failed)
        return failed;

    DataSource source;
    source.tenantId = TestDatabase::tenantId();
    source.name = u"warehouse"_s;
    source.driver = DataSource::SqliteDriver;
    source.path = m_warehousePath;
    source.schemaName = u"finance"_s;
    auto saved = DataSourceRepository(m_db.fixture()).save(source);
    if (!saved)
        return saved.error();
    return std::nullopt;
}

Status ProfileRunnerTest::addField(const QString &table, const ColumnSpec &spec, const QString &schema,
                                   const QString &source, const QString &fieldKeyOverride)
{
    const QString key = fieldKeyOverride.isEmpty() ? fieldKey(table, spec.column) : fieldKeyOverride;
    QJsonObject payload = fieldPayload(key, Tier::Tier3, table, spec.column);
    payload[u"dataType"_s] = spec.dataType;
    if (spec.format.isEmpty())
        payload.remove(u"format"_s);
    else
        payload[u"format"_s] = spec.format;
    payload[u"binding"_s] = QJsonObject{
        {u"source"_s, source}, {u"schema"_s, schema}, {u"table"_s, table}, {u"column"_s, spec.column}};
    if (auto field = m_db.establish(EntityType::GlobalMetadata, key, Tier::Tier3, payload); !field)
        return field.error();
    for (const RuleSpec &rule : spec.rules) {
        QJsonObject rulePayload = testing::rulePayload(rule.key, key);
        rulePayload[u"ruleType"_s] = rule.type;
        rulePayload[u"definition"_s] = QJsonDocument::fromJson(rule.definition.toUtf8()).object();
        if (auto created = m_db.establish(EntityType::BusinessRule, rule.key, Tier::Tier3, rulePayload); !created)
            return created.error();
    }
    return std::nullopt;
}

QList<ProfileRun> ProfileRunnerTest::runMany(const QStringList &keys, const ProfileRunner::Options &options)
{
    ProfileRunner runner(m_db.database());
    auto runs = runner.run(TestDatabase::tenantId(), keys, Trigger::Manual, options);
    if (!runs) {
        qWarning("run failed: %s", qPrintable(runs.error().text()));
        return {};
    }
    return runs.value();
}

ProfileRun ProfileRunnerTest::runOne(const QString &key, const ProfileRunner::Options &options)
{
    const QList<ProfileRun> runs = runMany({key}, options);
    return runs.isEmpty() ? ProfileRun{} : runs.constFirst();
}

void ProfileRunnerTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    STEWARD_VERIFY_OK(createWarehouse());
    for (const ColumnSpec &spec : ledgerColumns())
        STEWARD_VERIFY_OK(addField(u"ledger"_s, spec));
    const ColumnSpec empty{u"amount"_s, {}, u"DECIMAL"_s, u"18,2"_s, {}, {}};
    const ColumnSpec bigCode{
        u"code"_s, {}, u"TEXT"_s, u"12"_s, {{u"rule.big.code"_s, u"regex"_s, uR"({"pattern": "^K-[0-9]+$"})"_s}}, {}};
    const ColumnSpec bigName{u"name"_s, {}, u"TEXT"_s, u"20"_s,
                             {{u"rule.big.name"_s, u"regex"_s, uR"({"pattern": "^name [0-9]{1,4}$"})"_s}}, {}};
    STEWARD_VERIFY_OK(addField(u"empty_table"_s, empty));
    STEWARD_VERIFY_OK(addField(u"big"_s, bigCode));
    STEWARD_VERIFY_OK(addField(u"big"_s, bigName));
    const ColumnSpec keyed{u"v"_s, {}, u"INTEGER"_s, {}, {}, {}};
    STEWARD_VERIFY_OK(addField(u"keyed"_s, keyed));
}

void ProfileRunnerTest::verifyColumn(const ProfileRun &run, const ColumnSpec &spec, qint64 every)
{
    const Expected expected = expectedFor(spec, every);
    const ColumnMetrics &metrics = run.metrics;
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(spec.column + u": "_s + run.error));
    QCOMPARE(metrics.rows, expected.rows);
    QCOMPARE(run.sampledRows, expected.rows);
    QCOMPARE(run.rowCount, qint64(kLedgerRows));
    QCOMPARE(metrics.nonNull, expected.nonNull);
    QCOMPARE(metrics.distinct, expected.distinct);
    QVERIFY(metrics.distinctExact);
    QCOMPARE(metrics.valid, expected.valid);

    int valueRule = 0;
    QCOMPARE(metrics.rules.size(), spec.rules.size());
    for (int r = 0; r < spec.rules.size(); ++r) {
        const RuleOutcome &outcome = metrics.rules.at(r);
        QCOMPARE(outcome.ruleKey, spec.rules.at(r).key);
        if (outcome.ruleType == u"not_null"_s) {
            QCOMPARE(outcome.checked, expected.rows);
            QCOMPARE(outcome.violations, expected.rows - expected.nonNull);
        } else if (outcome.ruleType == u"unique"_s) {
            QCOMPARE(outcome.checked, expected.nonNull);
            QCOMPARE(outcome.violations, expected.nonNull - expected.distinct);
        } else {
            QCOMPARE(outcome.checked, expected.nonNull);
            QCOMPARE(outcome.violations, expected.valueRuleViolations.value(valueRule++));
        }
    }

    // SPEC section 5 on these counts.
    QVERIFY(metrics.completeness);
    QCOMPARE(*metrics.completeness, 100.0 * double(expected.nonNull) / double(expected.rows));
    if (expected.nonNull > 0) {
        QCOMPARE(*metrics.validity, 100.0 * double(expected.valid) / double(expected.nonNull));
        QCOMPARE(*metrics.uniqueness, 100.0 * double(expected.distinct) / double(expected.nonNull));
        const bool unique = std::any_of(spec.rules.begin(), spec.rules.end(),
                                        [](const RuleSpec &rule) { return rule.type == u"unique"_s; });
        const double score = unique ? 0.4 * *metrics.completeness + 0.4 * *metrics.validity
                                          + 0.2 * *metrics.uniqueness
                                    : (*metrics.completeness + *metrics.validity) / 2;
        QVERIFY(std::fabs(*metrics.qualityScore - score) < 1e-9);
    }

    const QJsonObject details = run.details;
    QCOMPARE(details.value(u"distinct"_s).toObject().value(u"method"_s).toString(), u"exact"_s);
    QCOMPARE(details.value(u"nonNull"_s).toInteger(), expected.nonNull);
    QCOMPARE(details.value(u"rules"_s).toArray().size(), spec.rules.size());
    QCOMPARE(details.value(u"binding"_s).toObject().value(u"column"_s).toString(), spec.column);
}

void ProfileRunnerTest::exactRunCountsEveryMetric()
{
    QStringList keys;
    for (const ColumnSpec &spec : ledgerColumns())
        keys.append(fieldKey(u"ledger"_s, spec.column));
    QList<int> progress;
    ProfileRunner::Options options;
    options.progress = [&](int percent) { progress.append(percent); };
    const QList<ProfileRun> runs = runMany(keys, options);
    QCOMPARE(runs.size(), keys.size());
    for (int i = 0; i < runs.size(); ++i) {
        QCOMPARE(runs.at(i).canonicalKey, keys.at(i));
        verifyColumn(runs.at(i), ledgerColumns().at(i), 1);
        if (QTest::currentTestFailed())
            return;
    }
    QVERIFY(!runs.at(0).details.contains(u"sampling"_s));
    QCOMPARE(runs.at(0).details.value(u"dataType"_s).toObject().value(u"check"_s).toString(), u"DECIMAL 18,2"_s);
    QVERIFY(!progress.isEmpty());
    QCOMPARE(progress.constLast(), 100);
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
}

void ProfileRunnerTest::sampledRunCountsTheSample()
{
    // 1900 of 20000 rows: one row in ceil(20000 / 1900) = 11, coprime with every
    // period of the generator, so each category shows up in the sample.
    QStringList keys;
    for (const ColumnSpec &spec : ledgerColumns())
        keys.append(fieldKey(u"ledger"_s, spec.column));
    ProfileRunner::Options options;
    options.sampleRows = 1900;
    const QList<ProfileRun> runs = runMany(keys, options);
    QCOMPARE(runs.size(), keys.size());
    for (int i = 0; i < runs.size(); ++i) {
        verifyColumn(runs.at(i), ledgerColumns().at(i), 11);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(runs.at(0).sampledRows, qint64(kLedgerRows / 11));
    QCOMPARE(runs.at(0).details.value(u"sampling"_s).toObject().value(u"every"_s).toInteger(), 11);
}

void ProfileRunnerTest::tableWithoutRowidSamplesItsFirstRows()
{
    ProfileRunner::Options options;
    options.sampleRows = 10;
    const ProfileRun run = runOne(fieldKey(u"keyed"_s, u"v"_s), options);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(run.rowCount, 100);
    QCOMPARE(run.sampledRows, 10);
    QCOMPARE(run.details.value(u"sampling"_s).toObject().value(u"limit"_s).toInteger(), 10);
    // The first ten in key order: k1, k10, k100, k11 .. k17; v is set for odd i only.
    QCOMPARE(run.metrics.nonNull, 5);

    const ProfileRun whole = runOne(fieldKey(u"keyed"_s, u"v"_s));
    QCOMPARE(whole.rowCount, 100);
    QCOMPARE(whole.metrics.nonNull, 50);
    QCOMPARE(*whole.metrics.validity, 100.0);
}

void ProfileRunnerTest::estimatedDistinctIsRecorded()
{
    ProfileRunner::Options options;
    options.distinctMemoryBytes = 0; // no room for exact sets: every column is estimated
    const ProfileRun run = runOne(fieldKey(u"big"_s, u"code"_s), options);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QVERIFY(!run.metrics.distinctExact);
    QCOMPARE(run.details.value(u"distinct"_s).toObject().value(u"method"_s).toString(), u"hyperloglog"_s);
    // (i * 7919) % 250000 over i = 1..300000 takes all 250000 values.
    QVERIFY2(std::fabs(double(run.metrics.distinct) - 250000.0) / 250000.0 < 0.02,
             qPrintable(QString::number(run.metrics.distinct)));

    const ProfileRun exact = runOne(fieldKey(u"big"_s, u"code"_s));
    QVERIFY(exact.metrics.distinctExact);
    QCOMPARE(exact.metrics.distinct, 250000);
    QCOMPARE(exact.metrics.valid, kBigRows);
}

void ProfileRunnerTest::splitScanMatchesOneScan()
{
    // 300,000 rows: one thread, or three rowid ranges merged (distinct sets included).
    const QStringList keys{fieldKey(u"big"_s, u"code"_s), fieldKey(u"big"_s, u"name"_s)};
    for (const qint64 memory : {qint64(256) * 1024 * 1024, qint64(0)}) {
        ProfileRunner::Options one;
        one.scanThreads = 1;
        one.distinctMemoryBytes = memory;
        ProfileRunner::Options three = one;
        three.scanThreads = 3;
        const QList<ProfileRun> whole = runMany(keys, one);
        const QList<ProfileRun> split = runMany(keys, three);
        QCOMPARE(split.size(), whole.size());
        for (int i = 0; i < whole.size(); ++i) {
            QVERIFY2(split.at(i).status == RunStatus::Completed, qPrintable(split.at(i).error));
            QCOMPARE(split.at(i).metrics.rows, kBigRows);
            QCOMPARE(split.at(i).metrics.nonNull, whole.at(i).metrics.nonNull);
            QCOMPARE(split.at(i).metrics.valid, whole.at(i).metrics.valid);
            QCOMPARE(split.at(i).metrics.rules.constFirst().violations,
                     whole.at(i).metrics.rules.constFirst().violations);
            // Exact sets merge to the exact union; sketches merge register by register
            // into the very sketch one scan builds.
            QCOMPARE(split.at(i).metrics.distinctExact, memory > 0);
            QCOMPARE(split.at(i).metrics.distinct, whole.at(i).metrics.distinct);
            QCOMPARE(whole.at(i).details.value(u"scanParts"_s).toInt(), 1);
            QCOMPARE(split.at(i).details.value(u"scanParts"_s).toInt(), 3);
        }
        QCOMPARE(whole.constFirst().metrics.distinct, memory > 0 ? 250000 : whole.constFirst().metrics.distinct);
    }

    // Sampling and splitting together: the same sampled rows.
    ProfileRunner::Options sampledOne;
    sampledOne.scanThreads = 1;
    sampledOne.sampleRows = 30000;
    ProfileRunner::Options sampledThree = sampledOne;
    sampledThree.scanThreads = 3;
    const ProfileRun a = runOne(fieldKey(u"big"_s, u"name"_s), sampledOne);
    const ProfileRun b = runOne(fieldKey(u"big"_s, u"name"_s), sampledThree);
    QCOMPARE(a.sampledRows, 30000);
    QCOMPARE(b.sampledRows, a.sampledRows);
    QCOMPARE(b.details.value(u"scanParts"_s).toInt(), 3);
    QCOMPARE(b.metrics.distinct, a.metrics.distinct);
    QCOMPARE(b.metrics.valid, a.metrics.valid);
}

void ProfileRunnerTest::emptyTableHasNoScore()
{
    const ProfileRun run = runOne(fieldKey(u"empty_table"_s, u"amount"_s));
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(run.rowCount, 0);
    QCOMPARE(run.metrics.rows, 0);
    QVERIFY(!run.metrics.completeness);
    QVERIFY(!run.metrics.qualityScore);
    QVERIFY(run.metrics.qualityGrade.isEmpty());
    QVERIFY2(run.metrics.note.contains(u"empty"_s), qPrintable(run.metrics.note));
}

void ProfileRunnerTest::allNullColumn()
{
    const ProfileRun run = runOne(fieldKey(u"ledger"_s, u"nothing"_s));
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(run.metrics.nonNull, 0);
    QCOMPARE(*run.metrics.completeness, 0.0);
    QVERIFY(!run.metrics.validity);
    QVERIFY(!run.metrics.uniqueness);
    QCOMPARE(*run.metrics.qualityScore, 0.0);
    QCOMPARE(run.metrics.qualityGrade, u"F"_s);
    QCOMPARE(run.metrics.rules.constFirst().checked, 0);
}

void ProfileRunnerTest::noRulesIsFullyValid()
{
    const ProfileRun run = runOne(fieldKey(u"ledger"_s, u"free_text"_s));
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(*run.metrics.validity, 100.0);
    QCOMPARE(*run.metrics.completeness, 50.0);
    QCOMPARE(*run.metrics.qualityScore, 75.0);
    QCOMPARE(run.metrics.qualityGrade, u"C"_s);
    QVERIFY(!run.details.contains(u"dataType"_s) || !run.details.value(u"dataType"_s).toObject().contains(u"checked"_s));
}

void ProfileRunnerTest::badBindingsFailAlone()
{
    const ColumnSpec plain{u"missing_column"_s, {}, u"TEXT"_s, {}, {}, {}};
    STEWARD_VERIFY_OK(addField(u"ledger"_s, plain));
    const ColumnSpec amount{u"amount"_s, {}, u"TEXT"_s, {}, {}, {}};
    const ColumnSpec code{u"code"_s, {}, u"TEXT"_s, {}, {}, {}};
    STEWARD_VERIFY_OK(addField(u"no_such_table"_s, amount));
    STEWARD_VERIFY_OK(addField(u"ledger_other_schema"_s, code, u"sales"_s));
    STEWARD_VERIFY_OK(addField(u"ledger_other_source"_s, code, u"finance"_s, u"lake"_s));
    const QStringList keys{fieldKey(u"ledger"_s, u"missing_column"_s), fieldKey(u"ledger"_s, u"qty"_s),
                           fieldKey(u"no_such_table"_s, u"amount"_s), fieldKey(u"ledger_other_schema"_s, u"code"_s),
                           fieldKey(u"ledger_other_source"_s, u"code"_s), u"wh.not.a.field"_s};
    const QList<ProfileRun> runs = runMany(keys);
    QCOMPARE(runs.size(), keys.size());
    QCOMPARE(toString(runs.at(0).status), toString(RunStatus::Failed));
    QCOMPARE(runs.at(0).error, u"column missing_column not found in finance.ledger"_s);
    QVERIFY2(runs.at(1).status == RunStatus::Completed, qPrintable(runs.at(1).error));
    QCOMPARE(runs.at(1).metrics.rows, kLedgerRows);
    QCOMPARE(runs.at(2).error, u"table finance.no_such_table not found in data source warehouse"_s);
    QCOMPARE(runs.at(3).error, u"schema sales not found in data source warehouse"_s);
    QCOMPARE(runs.at(4).error, u"no data source \"lake\" is registered in this tenant"_s);
    QCOMPARE(toString(runs.at(5).status), toString(RunStatus::Failed));
    QVERIFY2(runs.at(5).error.contains(u"wh.not.a.field"_s), qPrintable(runs.at(5).error));

    // A name is only ever matched against the catalog, never pasted into SQL.
    const ColumnSpec hostile{u"code\" FROM ledger; --"_s, {}, u"TEXT"_s, {}, {}, {}};
    STEWARD_VERIFY_OK(addField(u"ledger"_s, hostile, u"finance"_s, u"warehouse"_s, u"wh.ledger.hostile"_s));
    const ProfileRun injected = runOne(u"wh.ledger.hostile"_s);
    QCOMPARE(toString(injected.status), toString(RunStatus::Failed));
    QVERIFY2(injected.error.startsWith(u"column code\" FROM ledger; -- not found"_s), qPrintable(injected.error));
}

void ProfileRunnerTest::badRegexFailsOnlyItsField()
{
    const QString key = u"wh.ledger.label_copy"_s;
    QJsonObject payload = fieldPayload(key, Tier::Tier3, u"ledger"_s, u"label"_s);
    payload[u"dataType"_s] = u"TEXT"_s;
    payload.remove(u"format"_s);
    STEWARD_VERIFY_OK(m_db.establish(EntityType::GlobalMetadata, key, Tier::Tier3, payload));
    QJsonObject rule = rulePayload(u"rule.label_copy.pattern"_s, key);
    rule[u"ruleType"_s] = u"regex"_s;
    rule[u"definition"_s] = QJsonObject{{u"pattern"_s, u"^[A-Z]+$"_s}};
    STEWARD_VERIFY_OK(m_db.establish(EntityType::BusinessRule, u"rule.label_copy.pattern"_s, Tier::Tier3, rule));
    // Validation refuses such a pattern; a row written by an older version may hold one.
    const QString brokenDefinition = uR"({"pattern": "([A-Z"})"_s;
    STEWARD_VERIFY_OK(m_db.fixture().run(u"UPDATE mdm_business_rule SET definition = ? WHERE canonical_key = ?"_s,
                                          {brokenDefinition, u"rule.label_copy.pattern"_s}));

    const QList<ProfileRun> runs = runMany({key, fieldKey(u"ledger"_s, u"label"_s), fieldKey(u"ledger"_s, u"code"_s)});
    QCOMPARE(runs.size(), 3);
    QCOMPARE(toString(runs.at(0).status), toString(RunStatus::Failed));
    QVERIFY2(runs.at(0).error.contains(u"rule.label_copy.pattern"_s), qPrintable(runs.at(0).error));
    QVERIFY2(runs.at(0).error.contains(u"\"([A-Z\" is not a valid regular expression"_s), qPrintable(runs.at(0).error));
    QCOMPARE(toString(runs.at(1).status), toString(RunStatus::Completed));
    QCOMPARE(toString(runs.at(2).status), toString(RunStatus::Completed));
    verifyColumn(runs.at(1), ledgerColumns().at(4), 1);
}

void ProfileRunnerTest::patternTheEngineGivesUpOnFailsItsRule()
{
    // A valid pattern that backtracks exponentially: the engine gives up on one value.
    const ColumnSpec word{u"word"_s, {}, u"TEXT"_s, {}, {{u"rule.words.word"_s, u"regex"_s,
                                                         uR"({"pattern": "^(a+)+$"})"_s}}, {}};
    const ColumnSpec other{u"other"_s, {}, u"TEXT"_s, {}, {}, {}};
    STEWARD_VERIFY_OK(addField(u"words"_s, word));
    STEWARD_VERIFY_OK(addField(u"words"_s, other));

    const QList<ProfileRun> runs = runMany({fieldKey(u"words"_s, u"word"_s), fieldKey(u"words"_s, u"other"_s)});
    QCOMPARE(runs.size(), 2);
    // Not a silently invalid row: the rule failed to evaluate, and the field's run says so.
    const ProfileRun &failed = runs.at(0);
    QCOMPARE(toString(failed.status), toString(RunStatus::Failed));
    QVERIFY2(failed.error.contains(u"rule.words.word could not be evaluated on 1 value"_s), qPrintable(failed.error));
    QVERIFY(!failed.metrics.qualityScore);
    const QJsonObject rule = failed.details.value(u"rules"_s).toArray().at(0).toObject();
    QCOMPARE(rule.value(u"ruleKey"_s).toString(), u"rule.words.word"_s);
    QCOMPARE(rule.value(u"unevaluated"_s).toInteger(), 1);
    QCOMPARE(rule.value(u"violations"_s).toInteger(), 1); // "ab"
    QVERIFY(rule.value(u"error"_s).toString().contains(u"could not be evaluated"_s));
    // The other column of the same scan is measured as usual.
    QVERIFY2(runs.at(1).status == RunStatus::Completed, qPrintable(runs.at(1).error));
    QCOMPARE(runs.at(1).metrics.nonNull, 4);
}

void ProfileRunnerTest::unknownStoredTierFailsItsField()
{
    // Another tool wrote a tier this version does not know (the column has no CHECK).
    const ColumnSpec other{u"other"_s, {}, u"TEXT"_s, {}, {}, {}};
    const QString key = u"wh.words.other_tier9"_s;
    STEWARD_VERIFY_OK(addField(u"words"_s, other, u"finance"_s, u"warehouse"_s, key));
    STEWARD_VERIFY_OK(m_db.fixture().run(u"UPDATE mdm_global_metadata SET tier = 'tier9' WHERE canonical_key = ?"_s,
                                          {key}));
    const ProfileRun run = runOne(key);
    QCOMPARE(toString(run.status), toString(RunStatus::Failed));
    QVERIFY2(run.error.contains(u"\"tier9\""_s) && run.error.contains(u"mdm_global_metadata.tier"_s),
             qPrintable(run.error));
}

void ProfileRunnerTest::cancelStopsTheScan()
{
    std::atomic_bool cancel{false};
    int cancelledAt = -1;
    ProfileRunner::Options options;
    options.cancel = &cancel;
    options.progress = [&](int percent) {
        if (percent >= 10 && percent < 100 && cancelledAt < 0) {
            cancelledAt = percent;
            cancel = true;
        }
    };
    const QList<ProfileRun> runs = runMany({fieldKey(u"big"_s, u"code"_s), fieldKey(u"big"_s, u"name"_s)}, options);
    QCOMPARE(runs.size(), 2);
    QVERIFY2(cancelledAt >= 10 && cancelledAt < 100, "the scan reported progress before it ended");
    for (const ProfileRun &run : runs) {
        QCOMPARE(toString(run.status), toString(RunStatus::Cancelled));
        QCOMPARE(run.error, u"the run was cancelled"_s);
    }

    // Cancelled before it starts: nothing is scanned.
    ProfileRunner::Options already;
    already.cancel = &cancel;
    QCOMPARE(toString(runOne(fieldKey(u"ledger"_s, u"qty"_s), already).status), toString(RunStatus::Cancelled));
}

void ProfileRunnerTest::timeLimitFailsTheRun()
{
    // The uninterrupted scan, for comparison.
    QElapsedTimer clock;
    clock.start();
    const QStringList keys{fieldKey(u"big"_s, u"code"_s), fieldKey(u"big"_s, u"name"_s)};
    QCOMPARE(toString(runMany(keys).constFirst().status), toString(RunStatus::Completed));
    const qint64 full = clock.elapsed();

    ProfileRunner::Options options;
    options.timeLimitMs = std::max<qint64>(20, full / 5);
    clock.restart();
    const QList<ProfileRun> runs = runMany(keys, options);
    const qint64 limited = clock.elapsed();
    qInfo("full scan %lld ms, limited to %lld ms: stopped after %lld ms", full, options.timeLimitMs, limited);
    for (const ProfileRun &run : runs) {
        QCOMPARE(toString(run.status), toString(RunStatus::Failed));
        QCOMPARE(run.error, u"ran longer than the limit of %1 s"_s.arg(double(options.timeLimitMs) / 1000.0));
    }
    QVERIFY(limited < full);
}

void ProfileRunnerTest::connectionsAreRemoved()
{
    {
        ProfileRunner runner(m_db.database());
        QVERIFY(runner.run(TestDatabase::tenantId(), {fieldKey(u"ledger"_s, u"qty"_s)}, Trigger::Manual, {}).ok());
        bool open = false;
        for (const QString &name : QSqlDatabase::connectionNames())
            open = open || name.startsWith(u"steward-profiler-"_s);
        QVERIFY(open);
    }
    for (const QString &name : QSqlDatabase::connectionNames())
        QVERIFY2(!name.startsWith(u"steward-profiler-"_s), qPrintable(name));
}

QTEST_GUILESS_MAIN(ProfileRunnerTest)
#include "tst_profilerunner.moc"
