// The exact-then-estimate distinct counter behind the profiler's distinct aggregates:
// exact by construction (also when hashes collide), values told apart as SQL does, the
// parts of a table counted together, and HyperLogLog once the memory budget is spent.

#include "profiler/DistinctCounter.h"
#include "profiler/DistinctParts.h"

#include <QTest>

#include <cmath>
#include <cstring>
#include <random>
#include <set>
#include <string>

using namespace steward::profiler;

namespace {

double relativeError(double estimate, double exact)
{
    return std::fabs(estimate - exact) / exact;
}

// Every text the same hash, in all 64 bits: only the bytes can tell values apart.
quint64 collidingHash(QByteArrayView, quint64)
{
    return 0x0123456789abcdefULL;
}

// The same high 32 bits (which place a text and are kept in its slot), different low ones.
quint64 highBitsCollide(QByteArrayView bytes, quint64 seed)
{
    return (quint64(0xfeedbeef) << 32) | (hash64(bytes, seed) & 0xffffffffULL);
}

// Values that differ only in their last byte collide in all 64 bits: groups of ten.
quint64 groupsCollide(QByteArrayView bytes, quint64 seed)
{
    return hash64(bytes.chopped(1), seed);
}

constexpr qint64 MiB = 1024 * 1024;

} // namespace

class DistinctCounterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void exactBelowItsBudget();
    void collidingHashesAreComparedByBytes_data();
    void collidingHashesAreComparedByBytes();
    void valuesAreToldApartAsSqlDoes();
    void manyNewValuesAreListedExactly();
    void aFullListDropsItsRepeats();
    void matchesASetOfMixedValues();
    void partsCountTogether();
    void partsCountTogetherDespiteCollidingHashes();
    void partsOverTokens();
    void estimatedPartMakesTheUnionAnEstimate();
    void switchesToSketchAtItsBudget();
    void zeroBudgetEstimatesFromTheStart();
    void countersShareABudget();
    void expectedValuesSizeTheSetOnce();
};

void DistinctCounterTest::exactBelowItsBudget()
{
    DistinctCounter counter(qint64(64) * MiB);
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 300'000; ++i) {
            counter.addText(QByteArray::number(i % 250'000));
            counter.addInteger(i % 100'000);
        }
    }
    QVERIFY(counter.isExact());
    QCOMPARE(counter.count(), 350'000);
}

void DistinctCounterTest::collidingHashesAreComparedByBytes_data()
{
    QTest::addColumn<bool>("allBits");
    QTest::newRow("all 64 bits collide") << true;
    QTest::newRow("the kept 32 bits collide") << false;
}

void DistinctCounterTest::collidingHashesAreComparedByBytes()
{
    QFETCH(bool, allBits);
    DistinctCounter counter(qint64(64) * MiB);
    counter.setTextHashForTesting(allBits ? collidingHash : highBitsCollide);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 3000; ++i)
            counter.addText("value-" + QByteArray::number(i));
    }
    // A blob with the same bytes and hash is still another value; so is the empty text.
    counter.addBlob("value-7");
    counter.addText("");
    counter.addText("");
    QVERIFY(counter.isExact());
    QCOMPARE(counter.count(), 3002);
}

void DistinctCounterTest::valuesAreToldApartAsSqlDoes()
{
    DistinctCounter counter(qint64(1) * MiB);
    counter.addInteger(1);
    counter.addReal(1.0);  // the same number as the integer 1
    counter.addText("1");  // a text is not a number
    counter.addBlob("1");  // nor a blob a text
    counter.addReal(1.5);
    counter.addText("1.5");
    counter.addInteger(0); // 0 keys the empty slot: kept apart
    counter.addReal(-0.0);
    counter.addReal(0.0);
    counter.addInteger(std::numeric_limits<qint64>::min());
    counter.addInteger(std::numeric_limits<qint64>::max());
    QCOMPARE(counter.count(), 8);
}

void DistinctCounterTest::manyNewValuesAreListedExactly()
{
    // Past a table of 1 MiB with mostly new values, a set becomes a list, sorted at the
    // end: the repeats and the colliding texts must still come out right.
    DistinctCounter counter(std::make_shared<MemoryBudget>(qint64(64) * MiB), 1'400'000);
    counter.setTextHashForTesting(groupsCollide);
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 300'000; ++i) {
            counter.addText("customer-" + QByteArray::number(i));
            counter.addInteger(qint64(i) * 1'000'003);
            if (round == 0)
                counter.addReal(i + 0.25);
        }
    }
    QVERIFY(counter.isExact());
    QCOMPARE(counter.count(), 900'000);
    counter.addBlob("customer-7"); // values may still come after a count
    counter.addText("customer-7");
    QCOMPARE(counter.count(), 900'001);
}

void DistinctCounterTest::aFullListDropsItsRepeats()
{
    // 200,000 integers, then the same again five times: without dropping its repeats
    // when it is full, the list would need 9.6 MB.
    DistinctCounter counter(qint64(6) * MiB);
    for (int round = 0; round < 6; ++round) {
        for (int i = 0; i < 200'000; ++i)
            counter.addInteger(i * 7);
    }
    QVERIFY(counter.isExact());
    QCOMPARE(counter.count(), 200'000);
}

void DistinctCounterTest::matchesASetOfMixedValues()
{
    // Random values of every kind from small domains, so that they repeat, against a
    // std::set of what SQL would call one value.
    std::mt19937_64 random(15);
    DistinctCounter counter(qint64(256) * MiB);
    std::set<std::pair<int, std::string>> expected;
    for (int i = 0; i < 400'000; ++i) {
        const quint64 draw = random();
        const qint64 number = qint64(draw % 150'000);
        switch (draw >> 62) {
        case 0:
            counter.addInteger(number);
            expected.insert({0, std::to_string(number)});
            break;
        case 1: {
            const double real = double(number) / 4.0; // a quarter of them integral
            counter.addReal(real);
            expected.insert(std::floor(real) == real ? std::pair{0, std::to_string(qint64(real))}
                                                     : std::pair{1, std::to_string(real)});
            break;
        }
        case 2:
            counter.addText(QByteArray::number(number));
            expected.insert({2, std::to_string(number)});
            break;
        default:
            counter.addBlob(QByteArray::number(number % 1000));
            expected.insert({3, std::to_string(number % 1000)});
            break;
        }
    }
    QVERIFY(counter.isExact());
    QCOMPARE(counter.count(), qint64(expected.size()));
}

void DistinctCounterTest::partsCountTogether()
{
    const auto budget = std::make_shared<MemoryBudget>(qint64(64) * MiB);
    DistinctCounter low(budget), middle(budget), high(budget);
    for (int i = 0; i < 150'000; ++i) {
        low.addInteger(i);                   // 0 .. 149,999
        high.addInteger(100'000 + i);        // 100,000 .. 249,999
        high.addReal(double(100'000 + i));   // the same values as reals: no new ones
        middle.addText(QByteArray::number(i % 20'000));
        high.addText(QByteArray::number(10'000 + i % 20'000));
        low.addReal(0.5 + i % 10);
        middle.addReal(0.5 + i % 20);
    }
    high.addText("100000"); // text is another value than the integer
    low.addInteger(0);
    middle.addInteger(0);
    const DistinctCount total = DistinctCounter::unionOf({&low, &middle, &high});
    QVERIFY(total.exact);
    QCOMPARE(total.count, 250'000 + 30'000 + 1 + 20);
    // Counting together leaves the parts as they were.
    QCOMPARE(low.count(), 150'000 + 10);
    QCOMPARE(DistinctCounter::unionOf({&high, &middle, &low}).count, total.count);
}

void DistinctCounterTest::partsCountTogetherDespiteCollidingHashes()
{
    DistinctCounter first(qint64(8) * MiB), second(qint64(8) * MiB);
    first.setTextHashForTesting(collidingHash);
    second.setTextHashForTesting(collidingHash);
    for (int i = 0; i < 500; ++i) {
        first.addText("a" + QByteArray::number(i));
        second.addText("a" + QByteArray::number(i + 250)); // half of them shared
    }
    second.addBlob("a1"); // the bytes of a text of the first part, as a blob
    QCOMPARE(DistinctCounter::unionOf({&first, &second}).count, 751);
}

void DistinctCounterTest::partsOverTokens()
{
    const auto budget = std::make_shared<MemoryBudget>(qint64(16) * MiB);
    auto parts = DistinctParts::open();
    for (int p = 0; p < 3; ++p) {
        auto counter = std::make_unique<DistinctCounter>(budget);
        for (int i = 0; i < 10'000; ++i)
            counter->addInteger(p * 5'000 + i); // overlapping halves
        DistinctParts::deposit(parts->token(), std::move(counter));
    }
    DistinctParts::deposit(parts->token() + 1'000'000, std::make_unique<DistinctCounter>(budget)); // nobody's
    const DistinctCount total = parts->total();
    QVERIFY(total.exact);
    QCOMPARE(total.count, 20'000);
    // The parts' memory went back with them.
    QVERIFY(budget->reserve(qint64(16) * MiB));
}

void DistinctCounterTest::estimatedPartMakesTheUnionAnEstimate()
{
    DistinctCounter exact(qint64(64) * MiB), estimated(0);
    for (int i = 0; i < 200'000; ++i) {
        exact.addInteger(i);
        estimated.addInteger(150'000 + i);
    }
    const DistinctCount total = DistinctCounter::unionOf({&exact, &estimated});
    QVERIFY(!total.exact);
    QVERIFY2(relativeError(double(total.count), 350'000) < 0.02, qPrintable(QString::number(total.count)));
}

void DistinctCounterTest::switchesToSketchAtItsBudget()
{
    DistinctCounter counter(qint64(1) * MiB); // about 100,000 integers
    for (int i = 0; i < 400'000; ++i) {
        counter.addInteger(i);
        counter.addText("customer-" + QByteArray::number(i));
    }
    QVERIFY(!counter.isExact());
    QVERIFY2(relativeError(double(counter.count()), 800'000) < 0.02, qPrintable(QString::number(counter.count())));
}

void DistinctCounterTest::zeroBudgetEstimatesFromTheStart()
{
    DistinctCounter estimating(0);
    QVERIFY(!estimating.isExact());
    estimating.addText("a");
    QCOMPARE(estimating.count(), 1);
    // A shared budget of nothing: the first value already finds no room.
    DistinctCounter shared(std::make_shared<MemoryBudget>(0), 1'000'000);
    for (int i = 0; i < 1'000'000; ++i)
        shared.addInteger(qint64(i) * 7919);
    QVERIFY(!shared.isExact());
    QVERIFY(relativeError(double(shared.count()), 1'000'000) < 0.02);
}

void DistinctCounterTest::countersShareABudget()
{
    const auto budget = std::make_shared<MemoryBudget>(qint64(2) * MiB);
    {
        DistinctCounter small(budget);
        DistinctCounter large(budget);
        for (int i = 0; i < 400'000; ++i) {
            large.addInteger(i);
            if (i < 100)
                small.addText(QByteArray::number(i % 7));
        }
        QVERIFY(small.isExact());
        QCOMPARE(small.count(), 7);
        QVERIFY(!large.isExact()); // it hit the shared budget and gave its memory back
        QVERIFY(budget->reserve(qint64(1) * MiB));
        budget->release(qint64(1) * MiB);
    }
    // Everything is returned when the counters go.
    QVERIFY(budget->reserve(qint64(2) * MiB));
}

void DistinctCounterTest::expectedValuesSizeTheSetOnce()
{
    // 1M distinct integers are 8 MB of keys. Told to expect them, the counter holds them
    // in little more than that: no table or list sized again and again on the way.
    const auto budget = std::make_shared<MemoryBudget>(qint64(64) * MiB);
    DistinctCounter counter(budget, 1'000'000);
    for (int i = 0; i < 1'000'000; ++i)
        counter.addInteger(qint64(i) * 31);
    QVERIFY(counter.isExact());
    QCOMPARE(counter.count(), 1'000'000);
    QVERIFY(budget->reserve(qint64(64) * MiB - qint64(9) * MiB)); // it holds under 9 MB
}

QTEST_GUILESS_MAIN(DistinctCounterTest)
#include "tst_distinctcounter.moc"
