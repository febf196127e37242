// HyperLogLog accuracy over the whole range (the exact-then-estimate counter built on it:
// tst_distinctcounter).

#include "profiler/HyperLogLog.h"

#include <QTest>

#include <cmath>
#include <cstring>

using namespace steward::profiler;

namespace {

QByteArray integerBytes(qint64 value)
{
    QByteArray bytes(sizeof value, Qt::Uninitialized);
    std::memcpy(bytes.data(), &value, sizeof value);
    return bytes;
}

double relativeError(double estimate, double exact)
{
    return std::fabs(estimate - exact) / exact;
}

} // namespace

class HyperLogLogTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyIsZero();
    void smallRangesAreNearExact_data();
    void smallRangesAreNearExact();
    void millionsWithinTwoPercent_data();
    void millionsWithinTwoPercent();
    void duplicatesDoNotCount();
    void mergeIsTheUnion();
    void hashSpreadsSimilarKeys();
};

void HyperLogLogTest::emptyIsZero()
{
    QCOMPARE(HyperLogLog().count(), 0);
}

void HyperLogLogTest::smallRangesAreNearExact_data()
{
    QTest::addColumn<int>("distinct");
    QTest::addColumn<double>("tolerance"); // relative
    QTest::newRow("1") << 1 << 0.0;
    QTest::newRow("10") << 10 << 0.0;
    QTest::newRow("100") << 100 << 0.01;
    QTest::newRow("1000") << 1000 << 0.02;
    QTest::newRow("10000") << 10000 << 0.02;
    QTest::newRow("50000") << 50000 << 0.02;
}

void HyperLogLogTest::smallRangesAreNearExact()
{
    QFETCH(int, distinct);
    QFETCH(double, tolerance);
    HyperLogLog sketch;
    for (int i = 0; i < distinct; ++i)
        sketch.add(QByteArray("customer-") + QByteArray::number(i));
    const double error = relativeError(double(sketch.count()), distinct);
    QVERIFY2(error <= tolerance,
             qPrintable(QStringLiteral("estimate %1 for %2 distinct").arg(sketch.estimate()).arg(distinct)));
}

void HyperLogLogTest::millionsWithinTwoPercent_data()
{
    QTest::addColumn<int>("distinct");
    QTest::addColumn<bool>("integers");
    QTest::newRow("1M text") << 1'000'000 << false;
    QTest::newRow("1M integers") << 1'000'000 << true;
    QTest::newRow("3M integers") << 3'000'000 << true;
}

void HyperLogLogTest::millionsWithinTwoPercent()
{
    QFETCH(int, distinct);
    QFETCH(bool, integers);
    HyperLogLog sketch;
    for (int i = 0; i < distinct; ++i)
        sketch.add(integers ? integerBytes(i) : QByteArray("DOC-") + QByteArray::number(i));
    const double error = relativeError(sketch.estimate(), distinct);
    qInfo("%d distinct -> estimate %.0f (error %.3f%%)", distinct, sketch.estimate(), 100 * error);
    QVERIFY(error < 0.02);
}

void HyperLogLogTest::duplicatesDoNotCount()
{
    HyperLogLog sketch;
    for (int round = 0; round < 20; ++round) {
        for (int i = 0; i < 5000; ++i)
            sketch.add(integerBytes(i));
    }
    QVERIFY(relativeError(sketch.estimate(), 5000) < 0.02);
}

void HyperLogLogTest::mergeIsTheUnion()
{
    HyperLogLog low, high, whole;
    for (int i = 0; i < 200'000; ++i) {
        (i < 120'000 ? low : high).add(integerBytes(i));
        whole.add(integerBytes(i));
        if (i % 3 == 0)
            high.add(integerBytes(i)); // overlap counts once
    }
    low.merge(high);
    QCOMPARE(low.estimate(), whole.estimate());
    QVERIFY(relativeError(low.estimate(), 200'000) < 0.02);
}

void HyperLogLogTest::hashSpreadsSimilarKeys()
{
    // Keys one bit apart land far apart: about half the output bits differ.
    int differingBits = 0;
    const int samples = 1000;
    for (int i = 0; i < samples; ++i)
        differingBits += qPopulationCount(hash64(integerBytes(i)) ^ hash64(integerBytes(i ^ 1)));
    const double average = double(differingBits) / samples;
    QVERIFY2(average > 30 && average < 34, qPrintable(QString::number(average)));
    QVERIFY(hash64("1") != hash64("1", 1)); // the seed separates kinds of value
}

QTEST_GUILESS_MAIN(HyperLogLogTest)
#include "tst_hyperloglog.moc"
