// Exact decimal comparison of JSON number texts (json/Decimal.h).
#include "json/Decimal.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using steward::json::canonicalDecimal;
using steward::json::compareDecimal;
using steward::json::decimalEqual;

class TestDecimal : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void beyondDoublePrecision();
    void equalValues_data();
    void equalValues();
    void differentValues_data();
    void differentValues();
    void canonicalForm_data();
    void canonicalForm();
    void notNumbers_data();
    void notNumbers();
    void ordering_data();
    void ordering();
    void hugeExponents();
};

void TestDecimal::beyondDoublePrecision()
{
    // Both round to the same double (1.2345678901234568e16): only exact decimals differ.
    QCOMPARE(u"12345678901234567.89"_s.toDouble(), u"12345678901234567.88"_s.toDouble());
    QVERIFY(!decimalEqual(u"12345678901234567.89", u"12345678901234567.88"));
    QVERIFY(decimalEqual(u"12345678901234567.89", u"12345678901234567.89"));
    QVERIFY(decimalEqual(u"12345678901234567.89", u"1234567890123456789e-2"));
    QCOMPARE(compareDecimal(u"12345678901234567.88", u"12345678901234567.89"), -1);
    QCOMPARE(compareDecimal(u"12345678901234567.89", u"12345678901234567.88"), 1);
}

void TestDecimal::equalValues_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::newRow("100.0 == 100") << u"100.0"_s << u"100"_s;
    QTest::newRow("100 == 1e2") << u"100"_s << u"1e2"_s;
    QTest::newRow("1e2 == 1.00E+2") << u"1e2"_s << u"1.00E+2"_s;
    QTest::newRow("100.0 == 1.00E+2") << u"100.0"_s << u"1.00E+2"_s;
    QTest::newRow("-0 == 0") << u"-0"_s << u"0"_s;
    QTest::newRow("-0.0e5 == 0") << u"-0.0e5"_s << u"0"_s;
    QTest::newRow("0e-7 == 0.000") << u"0e-7"_s << u"0.000"_s;
    QTest::newRow("leading zeros") << u"007.50"_s << u"7.5"_s;
    QTest::newRow("plus sign") << u"+3"_s << u"3"_s;
    QTest::newRow("0.5 == 5e-1") << u"0.5"_s << u"5e-1"_s;
    QTest::newRow("-1.5e3 == -1500") << u"-1.5e3"_s << u"-1500"_s;
    QTest::newRow("0.001 == 1E-3") << u"0.001"_s << u"1E-3"_s;
    QTest::newRow("trailing zeros of an integer") << u"1200"_s << u"12e2"_s;
}

void TestDecimal::equalValues()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QVERIFY(decimalEqual(left, right));
    QVERIFY(decimalEqual(right, left));
    QCOMPARE(compareDecimal(left, right), 0);
    QCOMPARE(canonicalDecimal(left), canonicalDecimal(right));
}

void TestDecimal::differentValues_data()
{
    QTest::addColumn<QString>("left");
    QTest::addColumn<QString>("right");
    QTest::newRow("0.1 vs 0.10000000000000001 (same double)") << u"0.1"_s << u"0.10000000000000001"_s;
    QTest::newRow("sign") << u"-1"_s << u"1"_s;
    QTest::newRow("1 vs 10") << u"1"_s << u"10"_s;
    QTest::newRow("1e2 vs 1e3") << u"1e2"_s << u"1e3"_s;
    QTest::newRow("9007199254740993 vs ...992 (beyond 2^53)") << u"9007199254740993"_s << u"9007199254740992"_s;
    QTest::newRow("0 vs tiny") << u"0"_s << u"1e-400"_s;
}

void TestDecimal::differentValues()
{
    QFETCH(QString, left);
    QFETCH(QString, right);
    QVERIFY(!decimalEqual(left, right));
    QVERIFY(!decimalEqual(right, left));
    QVERIFY(compareDecimal(left, right) != 0);
    QCOMPARE(compareDecimal(left, right), -compareDecimal(right, left));
}

void TestDecimal::canonicalForm_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("negative");
    QTest::addColumn<QString>("digits");
    QTest::addColumn<qint64>("exponent");
    // value = 0.digits * 10^exponent
    QTest::newRow("100.0") << u"100.0"_s << false << u"1"_s << qint64(3);
    QTest::newRow("-12.50") << u"-12.50"_s << true << u"125"_s << qint64(2);
    QTest::newRow("0.00123") << u"0.00123"_s << false << u"123"_s << qint64(-2);
    QTest::newRow("1.5e-3") << u"1.5e-3"_s << false << u"15"_s << qint64(-2);
    QTest::newRow("-0") << u"-0"_s << false << QString() << qint64(0);
    QTest::newRow("12345678901234567.89") << u"12345678901234567.89"_s << false << u"1234567890123456789"_s << qint64(17);
}

void TestDecimal::canonicalForm()
{
    QFETCH(QString, text);
    QFETCH(bool, negative);
    QFETCH(QString, digits);
    QFETCH(qint64, exponent);
    const auto canonical = canonicalDecimal(text);
    QVERIFY(canonical.has_value());
    QCOMPARE(canonical->negative, negative);
    QCOMPARE(canonical->digits, digits);
    QCOMPARE(canonical->exponent, exponent);
}

void TestDecimal::notNumbers_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("sign only") << u"-"_s;
    QTest::newRow("dot only") << u"."_s;
    QTest::newRow("letters") << u"abc"_s;
    QTest::newRow("exponent without digits") << u"1e"_s;
    QTest::newRow("exponent sign without digits") << u"1e+"_s;
    QTest::newRow("trailing text") << u"12px"_s;
    QTest::newRow("two dots") << u"1.2.3"_s;
    QTest::newRow("space") << u" 1"_s;
    QTest::newRow("NaN") << u"NaN"_s;
}

void TestDecimal::notNumbers()
{
    QFETCH(QString, text);
    QVERIFY(!canonicalDecimal(text).has_value());
    // Such texts compare by text: equal only to themselves.
    QVERIFY(decimalEqual(text, text));
    QVERIFY(!decimalEqual(text, u"0"_s));
    QCOMPARE(compareDecimal(text, text), 0);
}

void TestDecimal::ordering_data()
{
    QTest::addColumn<QString>("smaller");
    QTest::addColumn<QString>("larger");
    QTest::newRow("negatives") << u"-2"_s << u"-1.5"_s;
    QTest::newRow("negative vs zero") << u"-0.0001"_s << u"-0"_s;
    QTest::newRow("zero vs positive") << u"0"_s << u"1e-99"_s;
    QTest::newRow("prefix digits") << u"0.12"_s << u"0.123"_s;
    QTest::newRow("magnitude beats digits") << u"9.99"_s << u"10"_s;
    QTest::newRow("large negative exponent magnitudes") << u"-1e10"_s << u"-9e9"_s;
    QTest::newRow("text vs exponent form") << u"99"_s << u"1E2"_s;
    QTest::newRow("decimal precision") << u"12345678901234567.88"_s << u"12345678901234567.89"_s;
}

void TestDecimal::ordering()
{
    QFETCH(QString, smaller);
    QFETCH(QString, larger);
    QCOMPARE(compareDecimal(smaller, larger), -1);
    QCOMPARE(compareDecimal(larger, smaller), 1);
}

void TestDecimal::hugeExponents()
{
    // Far outside double's range, still exact.
    QVERIFY(decimalEqual(u"1e400", u"10e399"));
    QVERIFY(!decimalEqual(u"1e400", u"1e401"));
    QCOMPARE(compareDecimal(u"1e400", u"1e401"), -1);
    QCOMPARE(compareDecimal(u"-1e400", u"1e-400"), -1);
    QVERIFY(decimalEqual(u"1e-400", u"0.1e-399"));
    QVERIFY(decimalEqual(u"123e999999999999", u"1.23e1000000000001"));
    QCOMPARE(compareDecimal(u"1e999999999999", u"1e-999999999999"), 1);

    // An exponent that does not fit is not made to fit (no overflow, no false equality):
    // such texts compare by text.
    const QString enormous = u"1e99999999999999999999999999"_s;
    QVERIFY(!canonicalDecimal(enormous).has_value());
    QVERIFY(decimalEqual(enormous, enormous));
    QVERIFY(!decimalEqual(enormous, u"1e99999999999999999999999998"_s));
    QVERIFY(!decimalEqual(u"1e-99999999999999999999999999", u"0"));
}

QTEST_GUILESS_MAIN(TestDecimal)
#include "tst_decimal.moc"
