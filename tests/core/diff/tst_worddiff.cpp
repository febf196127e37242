// Word-level diff of long strings: what a reviewer sees inside a changed description.

#include "diff/WordDiff.h"

#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward::diff;

namespace {

QString side(const QList<WordEdit> &edits, WordEdit::Kind skipped)
{
    QString text;
    for (const WordEdit &edit : edits) {
        if (edit.kind != skipped)
            text += edit.text;
    }
    return text;
}

} // namespace

class WordDiffTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitKeepsWhitespace();
    void changedWords();
    void bothSidesRebuild_data();
    void bothSidesRebuild();
    void budgetStaysValid();
};

void WordDiffTest::splitKeepsWhitespace()
{
    QCOMPARE(splitWords(u"  two words\n"_s), (QStringList{u"  "_s, u"two "_s, u"words\n"_s}));
    QCOMPARE(splitWords(QString()), QStringList());
    QCOMPARE(splitWords(u"Grüße, 日本  😀"_s).join(QString()), u"Grüße, 日本  😀"_s);
}

void WordDiffTest::changedWords()
{
    const QString before = u"The gross amount of an invoice line before discounts and taxes."_s;
    const QString after = u"The net amount of an invoice line after discounts and before taxes."_s;
    const WordDiffResult result = wordDiff(before, after);
    QVERIFY(result.exact);
    const QList<WordEdit> expected = {
        {WordEdit::Kind::Same, u"The "_s},           {WordEdit::Kind::Deleted, u"gross "_s},
        {WordEdit::Kind::Inserted, u"net "_s},       {WordEdit::Kind::Same, u"amount of an invoice line "_s},
        {WordEdit::Kind::Deleted, u"before "_s},     {WordEdit::Kind::Inserted, u"after "_s},
        {WordEdit::Kind::Same, u"discounts and "_s}, {WordEdit::Kind::Inserted, u"before "_s},
        {WordEdit::Kind::Same, u"taxes."_s},
    };
    QCOMPARE(result.edits.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(result.edits[i].kind, expected[i].kind);
        QCOMPARE(result.edits[i].text, expected[i].text);
    }
}

void WordDiffTest::bothSidesRebuild_data()
{
    QTest::addColumn<QString>("before");
    QTest::addColumn<QString>("after");
    QTest::newRow("empty to text") << QString() << u"some words here"_s;
    QTest::newRow("text to empty") << u"some words here"_s << QString();
    QTest::newRow("whitespace change") << u"a b  c"_s << u"a b c "_s;
    QTest::newRow("unicode") << u"Grüße aus 日本 😀 und mehr"_s << u"Grüße nach 日本 😀😀 und mehr"_s;
    QTest::newRow("reordered") << u"one two three four five"_s << u"five four three two one"_s;
}

void WordDiffTest::bothSidesRebuild()
{
    QFETCH(QString, before);
    QFETCH(QString, after);
    const QList<WordEdit> edits = wordDiff(before, after).edits;
    QCOMPARE(side(edits, WordEdit::Kind::Inserted), before);
    QCOMPARE(side(edits, WordEdit::Kind::Deleted), after);
    for (qsizetype i = 1; i < edits.size(); ++i)
        QVERIFY(edits[i].kind != edits[i - 1].kind);
}

void WordDiffTest::budgetStaysValid()
{
    QString before;
    QString after;
    for (int i = 0; i < 20'000; ++i) {
        before += u"w"_s + QString::number(i) + u' ';
        after += u"v"_s + QString::number(i) + u' ';
    }
    const WordDiffResult result =
        wordDiff(before, after, AlignmentBudget{1000, QDeadlineTimer(QDeadlineTimer::Forever)});
    QVERIFY(!result.exact);
    QCOMPARE(side(result.edits, WordEdit::Kind::Inserted), before);
    QCOMPARE(side(result.edits, WordEdit::Kind::Deleted), after);
}

QTEST_GUILESS_MAIN(WordDiffTest)
#include "tst_worddiff.moc"
