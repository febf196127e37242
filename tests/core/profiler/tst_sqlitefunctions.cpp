// The SQL functions the profiler registers on SQLite: REGEXP, the distinct aggregate and
// the dataType checks, each against values whose answer is known.

#include "profiler/DistinctParts.h"
#include "profiler/SqliteFunctions.h"

#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace steward::profiler;
using namespace Qt::StringLiterals;

class SqliteFunctionsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void regexpMatches_data();
    void regexpMatches();
    void invalidPatternIsAClearError();
    void patternTheEngineGivesUpOnIsUnknown();
    void decimalFits_data();
    void decimalFits();
    void numbers_data();
    void numbers();
    void typeChecks_data();
    void typeChecks();
    void distinctMatchesCountDistinct();
    void distinctReportsItsMethod();
    void distinctLeavesOutNulls();
    void rowsCountsAndReportsProgress();
    void checksCountPassesAndAll();

private:
    QVariant scalar(const QString &sql, const QVariantList &values = {});
    QString lastError;
    QTemporaryDir m_dir;
    std::shared_ptr<SqliteFunctions::ScanState> m_counters;
};

QVariant SqliteFunctionsTest::scalar(const QString &sql, const QVariantList &values)
{
    QSqlQuery query(QSqlDatabase::database(u"functions"_s));
    lastError.clear();
    if (!query.prepare(sql)) {
        lastError = query.lastError().text();
        return {};
    }
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec() || !query.next()) {
        lastError = query.lastError().text();
        return {};
    }
    return query.value(0);
}

void SqliteFunctionsTest::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"functions"_s);
    database.setDatabaseName(m_dir.filePath(u"functions.db"_s));
    QVERIFY(database.open());
    QVERIFY(SqliteFunctions::handle(database) != nullptr);
    auto installed = SqliteFunctions::install(database);
    QVERIFY2(installed.ok(), qPrintable(installed ? QString() : installed.error().text()));
    m_counters = installed.value();
}

void SqliteFunctionsTest::cleanupTestCase()
{
    QSqlDatabase::database(u"functions"_s).close();
    QSqlDatabase::removeDatabase(u"functions"_s);
}

void SqliteFunctionsTest::regexpMatches_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QVariant>("expected");
    QTest::newRow("match") << QVariant(u"EUR"_s) << u"^[A-Z]{3}$"_s << QVariant(1);
    QTest::newRow("no match") << QVariant(u"eur"_s) << u"^[A-Z]{3}$"_s << QVariant(0);
    // A rule's pattern judges the whole value, anchored or not.
    QTest::newRow("unanchored matches the whole value") << QVariant(u"EUR"_s) << u"[A-Z]{3}"_s << QVariant(1);
    QTest::newRow("unanchored does not find inside") << QVariant(u"x-EUR-y"_s) << u"[A-Z]{3}"_s << QVariant(0);
    QTest::newRow("trailing newline is not the end") << QVariant(u"EUR\n"_s) << u"^[A-Z]{3}$"_s << QVariant(0);
    QTest::newRow("alternatives each take the whole value") << QVariant(u"ab"_s) << u"a|ab"_s << QVariant(1);
    QTest::newRow("number as text") << QVariant(400100) << u"^[0-9]{6,10}$"_s << QVariant(1);
    QTest::newRow("unicode letters") << QVariant(u"Müller Straße"_s) << u"^[\\p{L} ]+$"_s << QVariant(1);
    QTest::newRow("unicode class miss") << QVariant(u"株式会社1"_s) << u"^\\p{L}+$"_s << QVariant(0);
    QTest::newRow("null value") << QVariant() << u"^.*$"_s << QVariant();
}

void SqliteFunctionsTest::regexpMatches()
{
    QFETCH(QVariant, value);
    QFETCH(QString, pattern);
    QFETCH(QVariant, expected);
    const QVariant result = scalar(u"SELECT ? REGEXP ?"_s, {value, pattern});
    QVERIFY2(lastError.isEmpty(), qPrintable(lastError));
    QCOMPARE(result.isNull(), expected.isNull());
    if (!expected.isNull())
        QCOMPARE(result.toInt(), expected.toInt());
}

void SqliteFunctionsTest::invalidPatternIsAClearError()
{
    const QVariant result = scalar(u"SELECT 'abc' REGEXP ?"_s, {u"([A-Z"_s});
    QVERIFY(!result.isValid());
    QVERIFY2(lastError.contains(u"invalid regular expression \"([A-Z\""_s), qPrintable(lastError));
}

void SqliteFunctionsTest::patternTheEngineGivesUpOnIsUnknown()
{
    // Nested quantifiers backtrack exponentially on a near miss: PCRE2 stops at its
    // match limit. The value is then neither valid nor invalid: NULL, which
    // steward_checks counts as not evaluated.
    const QString catastrophic = u"^(a+)+$"_s;
    const QString nearMiss = QString(40, u'a') + u'b';
    QElapsedTimer clock;
    clock.start();
    const QVariant result = scalar(u"SELECT ? REGEXP ?"_s, {nearMiss, catastrophic});
    QVERIFY2(lastError.isEmpty(), qPrintable(lastError));
    QVERIFY2(result.isValid() && result.isNull(), qPrintable(result.toString()));
    qInfo("the engine gave up after %lld ms", clock.elapsed());
    // The same pattern still judges values it can decide.
    QCOMPARE(scalar(u"SELECT ? REGEXP ?"_s, {u"aaaa"_s, catastrophic}).toInt(), 1);
    QCOMPARE(scalar(u"SELECT ? REGEXP ?"_s, {u"ab"_s, catastrophic}).toInt(), 0);
    QCOMPARE(scalar(u"SELECT steward_checks(v, v REGEXP ?) FROM (SELECT ? AS v UNION ALL SELECT 'aaa')"_s,
                    {catastrophic, nearMiss})
                 .toString(),
             u"1 1 1"_s);
}

void SqliteFunctionsTest::decimalFits_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QVariant>("precision");
    QTest::addColumn<QVariant>("scale");
    QTest::addColumn<int>("expected");
    const QVariant p18(18), s2(2);
    QTest::newRow("edge text fits 18,2") << QVariant(u"9999999999999999.99"_s) << p18 << s2 << 1;
    QTest::newRow("17 integer digits") << QVariant(u"12345678901234567.891"_s) << p18 << s2 << 0;
    QTest::newRow("negative edge") << QVariant(u"-9999999999999999.99"_s) << p18 << s2 << 1;
    QTest::newRow("trailing zeros ignored") << QVariant(u"12.5000"_s) << p18 << s2 << 1;
    QTest::newRow("three decimals") << QVariant(u"12.345"_s) << p18 << s2 << 0;
    QTest::newRow("exponent") << QVariant(u"1.5e3"_s) << p18 << s2 << 1;
    QTest::newRow("tiny exponent") << QVariant(u"1.5e-3"_s) << p18 << s2 << 0;
    QTest::newRow("malformed") << QVariant(u"N/A"_s) << p18 << s2 << 0;
    QTest::newRow("comma decimal") << QVariant(u"1.234,56"_s) << p18 << s2 << 0;
    QTest::newRow("spaces") << QVariant(u" 12.50"_s) << p18 << s2 << 0;
    QTest::newRow("real cents") << QVariant(1234.56) << p18 << s2 << 1;
    QTest::newRow("real 0.1") << QVariant(0.1) << p18 << s2 << 1;
    QTest::newRow("real three decimals") << QVariant(12.345) << p18 << s2 << 0;
    QTest::newRow("real too large") << QVariant(12345678901234567.89) << p18 << s2 << 0;
    QTest::newRow("integer fits") << QVariant(qint64(9999999999999999)) << p18 << s2 << 1;
    QTest::newRow("integer too long") << QVariant(qint64(10000000000000000)) << p18 << s2 << 0;
    QTest::newRow("scale 0") << QVariant(u"5.0"_s) << QVariant(3) << QVariant(0) << 1;
    QTest::newRow("no precision: any number") << QVariant(u"123456789012345678901234.5678"_s) << QVariant()
                                              << QVariant() << 1;
    QTest::newRow("no precision: not a number") << QVariant(u"abc"_s) << QVariant() << QVariant() << 0;
}

void SqliteFunctionsTest::decimalFits()
{
    QFETCH(QVariant, value);
    QFETCH(QVariant, precision);
    QFETCH(QVariant, scale);
    QFETCH(int, expected);
    const QVariant result = scalar(u"SELECT steward_decimal_fits(?, ?, ?)"_s, {value, precision, scale});
    QVERIFY2(lastError.isEmpty(), qPrintable(lastError));
    QCOMPARE(result.toInt(), expected);
    QVERIFY(scalar(u"SELECT steward_decimal_fits(NULL, 18, 2)"_s).isNull());
}

void SqliteFunctionsTest::numbers_data()
{
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<QString>("expectedType");
    QTest::newRow("integer") << QVariant(42) << u"integer"_s;
    QTest::newRow("real") << QVariant(4.5) << u"real"_s;
    QTest::newRow("integer text") << QVariant(u"-17"_s) << u"integer"_s;
    QTest::newRow("decimal text") << QVariant(u"12.50"_s) << u"real"_s;
    QTest::newRow("exponent text") << QVariant(u"-3e2"_s) << u"real"_s;
    QTest::newRow("word") << QVariant(u"twelve"_s) << u"null"_s;
    QTest::newRow("empty") << QVariant(u""_s) << u"null"_s;
}

void SqliteFunctionsTest::numbers()
{
    QFETCH(QVariant, value);
    QFETCH(QString, expectedType);
    QCOMPARE(scalar(u"SELECT typeof(steward_number(?))"_s, {value}).toString(), expectedType);
}

void SqliteFunctionsTest::typeChecks_data()
{
    QTest::addColumn<QString>("function");
    QTest::addColumn<QVariant>("value");
    QTest::addColumn<int>("expected");
    QTest::newRow("integer") << u"steward_is_integer(?)"_s << QVariant(7) << 1;
    QTest::newRow("integral real") << u"steward_is_integer(?)"_s << QVariant(7.0) << 1;
    QTest::newRow("fractional real") << u"steward_is_integer(?)"_s << QVariant(7.5) << 0;
    QTest::newRow("integer text") << u"steward_is_integer(?)"_s << QVariant(u"+12"_s) << 1;
    QTest::newRow("P01") << u"steward_is_integer(?)"_s << QVariant(u"P01"_s) << 0;
    QTest::newRow("leap day") << u"steward_is_date(?, 'YYYY-MM-DD')"_s << QVariant(u"2024-02-29"_s) << 1;
    QTest::newRow("no leap day") << u"steward_is_date(?, 'YYYY-MM-DD')"_s << QVariant(u"2023-02-29"_s) << 0;
    QTest::newRow("month 13") << u"steward_is_date(?, 'YYYY-MM-DD')"_s << QVariant(u"2024-13-01"_s) << 0;
    QTest::newRow("other order") << u"steward_is_date(?, 'YYYY-MM-DD')"_s << QVariant(u"31/12/2024"_s) << 0;
    QTest::newRow("number is no date") << u"steward_is_date(?, 'YYYY-MM-DD')"_s << QVariant(20240105) << 0;
    QTest::newRow("german format") << u"steward_is_date(?, 'DD.MM.YYYY')"_s << QVariant(u"31.12.2024"_s) << 1;
    QTest::newRow("german format wrong") << u"steward_is_date(?, 'DD.MM.YYYY')"_s << QVariant(u"2024-12-31"_s) << 0;
    QTest::newRow("timestamp Z") << u"steward_is_timestamp(?)"_s << QVariant(u"2024-01-05T10:00:00Z"_s) << 1;
    QTest::newRow("timestamp space ms") << u"steward_is_timestamp(?)"_s << QVariant(u"2024-01-05 10:00:00.250"_s)
                                        << 1;
    QTest::newRow("timestamp offset") << u"steward_is_timestamp(?)"_s << QVariant(u"2024-01-05T10:00:00+01:00"_s)
                                      << 1;
    QTest::newRow("date only") << u"steward_is_timestamp(?)"_s << QVariant(u"2024-01-05"_s) << 0;
    QTest::newRow("bad hour") << u"steward_is_timestamp(?)"_s << QVariant(u"2024-01-05T25:00:00"_s) << 0;
    QTest::newRow("boolean 1") << u"steward_is_boolean(?)"_s << QVariant(1) << 1;
    QTest::newRow("boolean 2") << u"steward_is_boolean(?)"_s << QVariant(2) << 0;
    QTest::newRow("boolean TRUE") << u"steward_is_boolean(?)"_s << QVariant(u"TRUE"_s) << 1;
    QTest::newRow("boolean maybe") << u"steward_is_boolean(?)"_s << QVariant(u"maybe"_s) << 0;
}

void SqliteFunctionsTest::typeChecks()
{
    QFETCH(QString, function);
    QFETCH(QVariant, value);
    QFETCH(int, expected);
    const QVariant result = scalar(u"SELECT "_s + function, {value});
    QVERIFY2(lastError.isEmpty(), qPrintable(lastError));
    QCOMPARE(result.toInt(), expected);
    QVERIFY(scalar(u"SELECT "_s + function, {QVariant()}).isNull());
}

void SqliteFunctionsTest::distinctMatchesCountDistinct()
{
    QSqlQuery insert(QSqlDatabase::database(u"functions"_s));
    QVERIFY(insert.exec(u"CREATE TABLE mixed (v)"_s));
    QVERIFY(insert.exec(u"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50000) "
                        u"INSERT INTO mixed SELECT CASE i % 6 WHEN 0 THEN NULL WHEN 1 THEN i % 997 "
                        u"WHEN 2 THEN CAST(i % 997 AS REAL) WHEN 3 THEN CAST(i % 997 AS TEXT) "
                        u"WHEN 4 THEN (i % 1000) / 7.0 ELSE 'ü-' || (i % 3001) END FROM n"_s));
    // SQL's own answer: 1 and 1.0 are one value, the text '1' another.
    const qint64 expected = scalar(u"SELECT COUNT(DISTINCT v) FROM mixed"_s).toLongLong();
    QVERIFY(expected > 4000);
    QCOMPARE(scalar(u"SELECT steward_distinct(v) FROM mixed"_s).toLongLong(), expected);
    QCOMPARE(scalar(u"SELECT steward_distinct_info(v) FROM mixed"_s).toString(), u"exact:%1"_s.arg(expected));
    QCOMPARE(scalar(u"SELECT steward_distinct(v) FROM mixed WHERE 0"_s).toLongLong(), 0);
}

void SqliteFunctionsTest::distinctReportsItsMethod()
{
    QSqlQuery insert(QSqlDatabase::database(u"functions"_s));
    QVERIFY(insert.exec(u"CREATE TABLE wide AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                        u"WHERE i < 200000) SELECT i AS id, 'customer-' || i AS name FROM n"_s));
    const QString info = scalar(u"SELECT steward_distinct_info(name, 0) FROM wide"_s).toString();
    QVERIFY2(info.startsWith(u"hyperloglog:"_s), qPrintable(info));
    const double estimate = info.mid(12).toDouble();
    QVERIFY(std::abs(estimate - 200000) / 200000 < 0.02);
    // A budget that holds some of the values: exact until it is spent, then an estimate.
    const QString switched = scalar(u"SELECT steward_distinct_info(id, 1000000) FROM wide"_s).toString();
    QVERIFY2(switched.startsWith(u"hyperloglog:"_s), qPrintable(switched));
    QCOMPARE(scalar(u"SELECT steward_distinct_info(id, 100000000) FROM wide"_s).toString(), u"exact:200000"_s);
}

void SqliteFunctionsTest::distinctLeavesOutNulls()
{
    QSqlQuery insert(QSqlDatabase::database(u"functions"_s));
    QVERIFY(insert.exec(u"CREATE TABLE sparse (v)"_s));
    QVERIFY(insert.exec(u"INSERT INTO sparse VALUES (NULL), (5), (NULL), (5.0), ('5'), (NULL)"_s));
    QCOMPARE(scalar(u"SELECT COUNT(DISTINCT v) FROM sparse"_s).toLongLong(), 2);
    QCOMPARE(scalar(u"SELECT steward_distinct(v) FROM sparse"_s).toLongLong(), 2);
    QCOMPARE(scalar(u"SELECT steward_distinct_info(v) FROM sparse"_s).toString(), u"exact:2"_s);
    QCOMPARE(scalar(u"SELECT steward_distinct(v) FROM sparse WHERE v IS NULL"_s).toLongLong(), 0);
    const auto parts = DistinctParts::open();
    QCOMPARE(scalar(u"SELECT steward_distinct_part(v, ?) FROM sparse WHERE rowid <= 3"_s, {parts->token()}).toString(),
             u"exact:1"_s);
    QCOMPARE(scalar(u"SELECT steward_distinct_part(v, ?) FROM sparse WHERE rowid > 3"_s, {parts->token()}).toString(),
             u"exact:2"_s);
    const DistinctCount total = parts->total();
    QVERIFY(total.exact);
    QCOMPARE(total.count, 2);
}

void SqliteFunctionsTest::rowsCountsAndReportsProgress()
{
    m_counters->rows.store(0);
    QCOMPARE(scalar(u"SELECT steward_rows() FROM wide"_s).toLongLong(), 200000);
    QCOMPARE(m_counters->rows.load(), 200000);
    QCOMPARE(scalar(u"SELECT steward_rows() FROM wide WHERE 0"_s).toLongLong(), 0);
}

void SqliteFunctionsTest::checksCountPassesAndAll()
{
    // Over 1..1000: even numbers pass the first check, multiples of 3 the second; a NULL
    // check never passes, and counts as not evaluated (the last numbers, per check).
    const QString counts = scalar(u"SELECT steward_checks(v, v % 2 = 0, v % 3 = 0, CASE WHEN v > 10 THEN 1 END) "
                                  u"FROM (SELECT id AS v FROM wide WHERE id <= 1000)"_s)
                               .toString();
    QCOMPARE(counts, u"500 333 990 165 0 0 10"_s);
    // Rows with a NULL value are not checked, whatever the checks say.
    QCOMPARE(scalar(u"SELECT steward_checks(CASE WHEN id % 4 THEN id END, 1) FROM wide WHERE id <= 1000"_s)
                 .toString(),
             u"750 750 0"_s);
    QCOMPARE(scalar(u"SELECT steward_checks(1, 1) FROM wide WHERE 0"_s).toString(), QString()); // no rows
}

QTEST_GUILESS_MAIN(SqliteFunctionsTest)
#include "tst_sqlitefunctions.moc"
