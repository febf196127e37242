// Timestamps are stored and exchanged as ISO-8601 UTC with milliseconds (SPEC section 3):
// fromIsoTimestamp reads that form itself and every other ISO form through Qt, and must
// agree with Qt's reading of each.

#include "model/Approval.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;

class IsoTimestampTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsWhatItWrites_data();
    void readsWhatItWrites();
    void agreesWithQtOnOtherForms_data();
    void agreesWithQtOnOtherForms();
};

void IsoTimestampTest::readsWhatItWrites_data()
{
    QTest::addColumn<QDateTime>("time");
    QTest::newRow("epoch") << QDateTime(QDate(1970, 1, 1), QTime(0, 0), Qt::UTC);
    QTest::newRow("leap day") << QDateTime(QDate(2024, 2, 29), QTime(23, 59, 59, 999), Qt::UTC);
    QTest::newRow("new year") << QDateTime(QDate(2025, 12, 31), QTime(23, 59, 59, 1), Qt::UTC);
    QTest::newRow("local time") << QDateTime(QDate(2025, 3, 30), QTime(2, 30, 0, 120), Qt::OffsetFromUTC, 7200);
    QTest::newRow("now") << QDateTime::currentDateTimeUtc();
}

void IsoTimestampTest::readsWhatItWrites()
{
    QFETCH(QDateTime, time);
    const QString text = toIsoTimestamp(time);
    QCOMPARE(text.size(), 24);
    const QDateTime read = fromIsoTimestamp(text);
    QCOMPARE(read.timeSpec(), Qt::UTC);
    QCOMPARE(read, time);
    QCOMPARE(read, QDateTime::fromString(text, Qt::ISODateWithMs).toUTC());
    QCOMPARE(toIsoTimestamp(read), text);
}

void IsoTimestampTest::agreesWithQtOnOtherForms_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("seconds only") << u"2025-03-03T09:00:00Z"_s;
    QTest::newRow("offset") << u"2025-03-03T09:00:00.250+02:00"_s;
    QTest::newRow("microseconds") << u"2025-03-03T09:00:00.250123Z"_s;
    QTest::newRow("month 13") << u"2025-13-03T09:00:00.000Z"_s;
    QTest::newRow("February 30") << u"2025-02-30T09:00:00.000Z"_s;
    QTest::newRow("hour 24") << u"2025-03-03T24:00:00.000Z"_s;
    QTest::newRow("letters") << u"2025-0a-03T09:00:00.000Z"_s;
    QTest::newRow("no zone") << u"2025-03-03T09:00:00.0000"_s;
    QTest::newRow("sign") << u"-025-03-03T09:00:00.000Z"_s;
}

void IsoTimestampTest::agreesWithQtOnOtherForms()
{
    QFETCH(QString, text);
    QDateTime expected = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!expected.isValid())
        expected = QDateTime::fromString(text, Qt::ISODate);
    const QDateTime read = fromIsoTimestamp(text);
    QCOMPARE(read.isValid(), expected.isValid());
    if (expected.isValid())
        QCOMPARE(read, expected.toUTC());
}

QTEST_GUILESS_MAIN(IsoTimestampTest)
#include "tst_isotimestamp.moc"
