// HyperLogLog accuracy over the whole range, and the exact-then-estimate counter the
// profiler's distinct aggregate is built on.

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
    void counterIsExactBelowItsBudget();
    void counterSwitchesToSketchAtItsBudget();
    void countersShareABudget();
    void countersMergeToTheUnion();
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

void HyperLogLogTest::counterIsExactBelowItsBudget()
{
    DistinctCounter counter(qint64(64) * 1024 * 1024);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 300'000; ++i) {
            const QByteArray value = QByteArray::number(i % 250'000);
            counter.add(hash64(value), value);
        }
    }
    QVERIFY(counter.isExact());
    QCOMPARE(counter.count(), 250'000);
}

void HyperLogLogTest::counterSwitchesToSketchAtItsBudget()
{
    DistinctCounter counter(qint64(1) * 1024 * 1024); // about 30,000 short values
    for (int i = 0; i < 400'000; ++i) {
        const QByteArray value = integerBytes(i);
        counter.add(hash64(value), value);
    }
    QVERIFY(!counter.isExact());
    QVERIFY(relativeError(double(counter.count()), 400'000) < 0.02);

    DistinctCounter estimating(0);
    QVERIFY(!estimating.isExact());
    estimating.add(hash64("a"), "a");
    QCOMPARE(estimating.count(), 1);
}

void HyperLogLogTest::countersShareABudget()
{
    const auto budget = std::make_shared<MemoryBudget>(qint64(2) * 1024 * 1024);
    {
        DistinctCounter small(budget);
        DistinctCounter large(budget);
        for (int i = 0; i < 200'000; ++i) {
            const QByteArray value = integerBytes(i);
            large.add(hash64(value), value);
            if (i < 100) {
                const QByteArray few = QByteArray::number(i % 7);
                small.add(hash64(few), few);
            }
        }
        QVERIFY(small.isExact());
        QCOMPARE(small.count(), 7);
        QVERIFY(!large.isExact()); // it hit the shared budget and gave its memory back
        QVERIFY(budget->reserve(qint64(1) * 1024 * 1024));
        budget->release(qint64(1) * 1024 * 1024);
    }
    // Everything is returned when the counters go.
    QVERIFY(budget->reserve(qint64(2) * 1024 * 1024));
}

void HyperLogLogTest::countersMergeToTheUnion()
{
    const auto budget = std::make_shared<MemoryBudget>(qint64(64) * 1024 * 1024);
    DistinctCounter low(budget), high(budget);
    for (int i = 0; i < 150'000; ++i) {
        low.addInteger(i);                // 0 .. 149,999
        high.addInteger(100'000 + i);     // 100,000 .. 249,999
        high.addReal(double(100'000 + i)); // the same values as reals: no new ones
    }
    high.addText("100000"); // text is another value than the integer
    low.merge(high);
    QVERIFY(low.isExact());
    QCOMPARE(low.count(), 250'001);
    QCOMPARE(high.count(), 0);

    // An estimate merged in makes the union an estimate.
    DistinctCounter estimated(0);
    for (int i = 200'000; i < 400'000; ++i)
        estimated.addInteger(i);
    low.merge(estimated);
    QVERIFY(!low.isExact());
    QVERIFY(relativeError(double(low.count()), 400'001) < 0.02);
}

QTEST_GUILESS_MAIN(HyperLogLogTest)
#include "tst_hyperloglog.moc"
