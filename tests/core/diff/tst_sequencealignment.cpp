// Myers alignment: minimal edit scripts, moves, gap pairing, and a budget that turns a
// pathological pair into a quick coarse answer instead of a hang.

#include "diff/SequenceAlignment.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <numeric>

using namespace steward::diff;

namespace {

QList<int> symbols(const char *text)
{
    QList<int> out;
    for (const char *c = text; *c; ++c)
        out.append(*c);
    return out;
}

// Replays the script: it must consume both sequences exactly, with Equal runs equal.
bool scriptIsValid(const QList<int> &a, const QList<int> &b, const QList<EditRun> &runs)
{
    qsizetype i = 0;
    qsizetype j = 0;
    for (const EditRun &run : runs) {
        if (run.length <= 0)
            return false;
        switch (run.kind) {
        case EditRun::Kind::Equal:
            if (run.oldIndex != i || run.newIndex != j)
                return false;
            for (qsizetype k = 0; k < run.length; ++k) {
                if (i + k >= a.size() || j + k >= b.size() || a[i + k] != b[j + k])
                    return false;
            }
            i += run.length;
            j += run.length;
            break;
        case EditRun::Kind::Delete:
            if (run.oldIndex != i)
                return false;
            i += run.length;
            break;
        case EditRun::Kind::Insert:
            if (run.newIndex != j)
                return false;
            j += run.length;
            break;
        }
    }
    return i == a.size() && j == b.size();
}

qsizetype editDistance(const QList<EditRun> &runs)
{
    qsizetype distance = 0;
    for (const EditRun &run : runs) {
        if (run.kind != EditRun::Kind::Equal)
            distance += run.length;
    }
    return distance;
}

// Insert/delete distance by dynamic programming, to check Myers finds the minimum.
qsizetype referenceDistance(const QList<int> &a, const QList<int> &b)
{
    QList<qsizetype> row(b.size() + 1);
    for (qsizetype j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (qsizetype i = 1; i <= a.size(); ++i) {
        qsizetype diagonal = row[0];
        row[0] = i;
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const qsizetype above = row[j];
            row[j] = a[i - 1] == b[j - 1] ? diagonal : 1 + std::min(row[j], row[j - 1]);
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

class SequenceAlignmentTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyAndEqual();
    void insertAtHeadIsOneRun();
    void classicExample();
    void minimalOnRandomSequences();
    void budgetGivesCoarseButValidScript();
    void coarseKeepsLongestIncreasingRun();
    void movesArePaired();
    void gapPairingOnlyForValues();
};

void SequenceAlignmentTest::emptyAndEqual()
{
    QVERIFY(align({}, {}).runs.isEmpty());
    const QList<int> same = symbols("abc");
    const Alignment equal = align(same, same);
    QCOMPARE(equal.runs.size(), 1);
    QCOMPARE(equal.runs[0].kind, EditRun::Kind::Equal);
    QCOMPARE(equal.runs[0].length, 3);
    const Alignment inserted = align({}, same);
    QCOMPARE(inserted.runs.size(), 1);
    QCOMPARE(inserted.runs[0].kind, EditRun::Kind::Insert);
    const Alignment deleted = align(same, {});
    QCOMPARE(deleted.runs.size(), 1);
    QCOMPARE(deleted.runs[0].kind, EditRun::Kind::Delete);
}

void SequenceAlignmentTest::insertAtHeadIsOneRun()
{
    QList<int> old(10'000);
    std::iota(old.begin(), old.end(), 1);
    QList<int> now = old;
    now.prepend(-1);
    const Alignment alignment = align(old, now);
    QCOMPARE(alignment.runs.size(), 2);
    QCOMPARE(alignment.runs[0].kind, EditRun::Kind::Insert);
    QCOMPARE(alignment.runs[0].length, 1);
    QCOMPARE(alignment.runs[1].kind, EditRun::Kind::Equal);
    QCOMPARE(alignment.runs[1].length, 10'000);
    QVERIFY(alignment.exact);
}

void SequenceAlignmentTest::classicExample()
{
    // Myers' paper: ABCABBA -> CBABAC has D = 5.
    const QList<int> a = symbols("ABCABBA");
    const QList<int> b = symbols("CBABAC");
    const Alignment alignment = align(a, b);
    QVERIFY(scriptIsValid(a, b, alignment.runs));
    QCOMPARE(editDistance(alignment.runs), 5);
}

void SequenceAlignmentTest::minimalOnRandomSequences()
{
    QRandomGenerator random(1234);
    for (int round = 0; round < 2000; ++round) {
        QList<int> a(random.bounded(0, 60));
        QList<int> b(random.bounded(0, 60));
        const int alphabet = random.bounded(1, 6);
        for (int &value : a)
            value = random.bounded(alphabet);
        for (int &value : b)
            value = random.bounded(alphabet);
        const Alignment alignment = align(a, b);
        QVERIFY2(scriptIsValid(a, b, alignment.runs), qPrintable(QString::number(round)));
        QVERIFY(alignment.exact);
        QCOMPARE(editDistance(alignment.runs), referenceDistance(a, b));
        for (qsizetype r = 1; r < alignment.runs.size(); ++r)
            QVERIFY(alignment.runs[r].kind != alignment.runs[r - 1].kind);
    }
}

void SequenceAlignmentTest::budgetGivesCoarseButValidScript()
{
    // The worst case for Myers: nothing in common, D = N + M.
    QList<int> a(200'000);
    QList<int> b(200'000);
    std::iota(a.begin(), a.end(), 0);
    std::iota(b.begin(), b.end(), 1'000'000);
    QElapsedTimer timer;
    timer.start();
    const Alignment alignment = align(a, b, AlignmentBudget{100'000, QDeadlineTimer(QDeadlineTimer::Forever)});
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed()))); // hours without the budget
    QVERIFY(!alignment.exact);
    QVERIFY(scriptIsValid(a, b, alignment.runs));

    // An expired deadline alone is enough to stop searching.
    const Alignment late = align(a, b, AlignmentBudget{qint64(1) << 60, QDeadlineTimer(0)});
    QVERIFY(!late.exact);
    QVERIFY(scriptIsValid(a, b, late.runs));
}

void SequenceAlignmentTest::coarseKeepsLongestIncreasingRun()
{
    // Unique symbols: the coarse pass is exact (LCS of a permutation = its LIS).
    const QList<int> a = symbols("abcdefghij");
    const QList<int> b = symbols("xbcadefjghi");
    const Alignment coarse = align(a, b, AlignmentBudget{0, QDeadlineTimer(QDeadlineTimer::Forever)});
    QVERIFY(scriptIsValid(a, b, coarse.runs));
    QCOMPARE(editDistance(coarse.runs), referenceDistance(a, b));
}

void SequenceAlignmentTest::movesArePaired()
{
    const QList<int> a = symbols("ABCDEF");
    const QList<int> b = symbols("FABCDE");
    const SequenceMatch match = matchSequences(a, b, GapPairing::None);
    QCOMPARE(match.oldForNew[0], 5);
    QVERIFY(match.moved[0]);
    QCOMPARE(match.newForOld[5], 0);
    for (qsizetype j = 1; j < b.size(); ++j) {
        QCOMPARE(match.oldForNew[j], j - 1);
        QVERIFY(match.isAnchor(j));
    }
}

void SequenceAlignmentTest::gapPairingOnlyForValues()
{
    const QList<int> a = symbols("aXc");
    const QList<int> b = symbols("aYc");
    const SequenceMatch entities = matchSequences(a, b, GapPairing::None);
    QCOMPARE(entities.oldForNew[1], -1);
    QCOMPARE(entities.newForOld[1], -1);
    const SequenceMatch values = matchSequences(a, b, GapPairing::ByPosition);
    QCOMPARE(values.oldForNew[1], 1);
    QVERIFY(!values.moved[1]);
    QVERIFY(values.isAnchor(1));
}

QTEST_GUILESS_MAIN(SequenceAlignmentTest)
#include "tst_sequencealignment.moc"
