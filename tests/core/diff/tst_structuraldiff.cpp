// The aligned tree a reviewer reads: one row per change, paths that resolve, identity
// matching, moves, exact decimals, member order, creates and the approximate fallback.

#include "DiffTestSupport.h"
#include "diff/StructuralDiff.h"
#include "json/JsonPointer.h"

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::diff;
using namespace steward::testing;

namespace {

DiffResult diffText(QByteArrayView before, QByteArrayView after, const DiffOptions &options = {})
{
    return steward::diff::diff(before == "null" ? nullptr : document(before), document(after), options);
}

QStringList childKeys(const DiffNode &node)
{
    QStringList keys;
    for (const DiffNode &child : node.children)
        keys.append(child.key);
    return keys;
}

// Every changed node's pointers resolve to the nodes it shows.
void verifyPaths(const DiffResult &result)
{
    for (const DiffNode *node : result.changes()) {
        if (node->kind == DiffNode::Kind::Removed) {
            QCOMPARE(json::resolve(*result.before, node->path), node->before);
            continue;
        }
        QCOMPARE(json::resolve(*result.after, node->path), node->after);
        if (node->kind == DiffNode::Kind::Moved)
            QCOMPARE(json::resolve(*result.before, node->fromPath), node->before);
    }
}

} // namespace

class StructuralDiffTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void identicalDocuments();
    void insertAtHeadIsOneAdded();
    void moveWithEditInside();
    void decimalExact();
    void keyOrderPreserved();
    void typeChange();
    void create();
    void createFromNullDocument();
    void identityKeyOption();
    void arraysOfScalars();
    void objectsWithoutIdentity();
    void longStringWordDiff();
    void memberNamesCompareByTextOrSharedString();
    void pathsAreEscaped();
    void approximateFallback();
    void countsMatchChanges_data();
    void countsMatchChanges();
};

void StructuralDiffTest::identicalDocuments()
{
    const DiffResult result = diffText(identityItems(20), identityItems(20));
    QCOMPARE(result.counts.total(), 0);
    QVERIFY(!result.root.containsChanges);
    QVERIFY(result.changes().isEmpty());
    QVERIFY(!result.approximate);
    // The tree still shows every field, unchanged, for the full view.
    QCOMPARE(result.root.children.size(), 1);
    QCOMPARE(result.root.children[0].children.size(), 20);
}

void StructuralDiffTest::insertAtHeadIsOneAdded()
{
    const DiffResult result =
        diffText(identityItems(10'000),
                 QByteArray(identityItems(10'000))
                     .replace("\"items\":[", "\"items\":[{\"id\":\"new\",\"name\":\"New\",\"amount\":1},"));
    QCOMPARE(result.counts.added, 1);
    QCOMPARE(result.counts.total(), 1);
    const QList<const DiffNode *> changes = result.changes();
    QCOMPARE(changes.size(), 1);
    QCOMPARE(changes[0]->kind, DiffNode::Kind::Added);
    QCOMPARE(changes[0]->path, u"/items/0"_s);
    QCOMPARE(changes[0]->key, u"id=new"_s);
    const DiffNode &items = result.root.children[0];
    QCOMPARE(items.children.size(), 10'001);
    QCOMPARE(items.children[1].key, u"id=item-0"_s);
    QCOMPARE(items.children[1].path, u"/items/1"_s);
    QVERIFY(!items.children[1].containsChanges);
    verifyPaths(result);
}

void StructuralDiffTest::moveWithEditInside()
{
    const DiffResult result = diffText(identityItems(10), movedWithEdit());
    QCOMPARE(result.counts.moved, 1);
    QCOMPARE(result.counts.changed, 1);
    QCOMPARE(result.counts.added, 0);
    QCOMPARE(result.counts.removed, 0);
    const QList<const DiffNode *> changes = result.changes();
    QCOMPARE(changes.size(), 2);
    const DiffNode *moved = changes[0];
    QCOMPARE(moved->kind, DiffNode::Kind::Moved);
    QCOMPARE(moved->path, u"/items/0"_s);
    QCOMPARE(moved->fromPath, u"/items/5"_s);
    QCOMPARE(moved->key, u"id=item-5"_s);
    QCOMPARE(moved->changeCount(), 2);
    QCOMPARE(changes[1]->kind, DiffNode::Kind::Changed);
    QCOMPARE(changes[1]->path, u"/items/0/name"_s);
    QCOMPARE(changes[1]->before->text(), u"Item 5"_s);
    QCOMPARE(changes[1]->after->text(), u"Renamed"_s);
    // Shown once, at its new place: the old position has no row of its own.
    QCOMPARE(result.root.children[0].children.size(), 10);
    verifyPaths(result);
}

void StructuralDiffTest::decimalExact()
{
    const DiffResult changed = diffText("{\"v\":12345678901234567.89}", "{\"v\":12345678901234567.88}");
    QCOMPARE(changed.counts.changed, 1);
    QCOMPARE(changed.changes()[0]->kind, DiffNode::Kind::Changed);

    const DiffResult formatted = diffText("{\"v\":12345678901234567.89}", "{\"v\":12345678901234567.890}");
    QCOMPARE(formatted.counts.total(), 0);
    QCOMPARE(formatted.counts.formattingOnly, 1);
    const DiffNode &value = formatted.root.children[0];
    QCOMPARE(value.kind, DiffNode::Kind::Unchanged);
    QVERIFY(value.formattingOnly);
    QVERIFY(!value.containsChanges);

    const DiffResult exponent = diffText("[100]", "[1e2]");
    QCOMPARE(exponent.counts.total(), 0);
    QVERIFY(exponent.root.children[0].formattingOnly);
}

void StructuralDiffTest::keyOrderPreserved()
{
    const DiffResult result = diffText("{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", "{\"d\":4,\"b\":2,\"x\":9,\"a\":1}");
    // New order, with the removed "c" right after "b", which preceded it before.
    QCOMPARE(childKeys(result.root), (QStringList{u"d"_s, u"b"_s, u"c"_s, u"x"_s, u"a"_s}));
    QCOMPARE(result.root.children[2].kind, DiffNode::Kind::Removed);
    QCOMPARE(result.root.children[2].path, u"/c"_s);
    QCOMPARE(result.root.children[3].kind, DiffNode::Kind::Added);
    QCOMPARE(result.counts.total(), 2);

    const DiffResult removedFirst = diffText("{\"gone\":1,\"kept\":2}", "{\"kept\":2}");
    QCOMPARE(childKeys(removedFirst.root), (QStringList{u"gone"_s, u"kept"_s}));
}

void StructuralDiffTest::typeChange()
{
    const DiffResult result = diffText("{\"v\":1,\"w\":{\"a\":1},\"n\":null}", "{\"v\":\"1\",\"w\":[1],\"n\":false}");
    QCOMPARE(result.counts.changed, 3);
    for (const DiffNode *node : result.changes()) {
        QCOMPARE(node->kind, DiffNode::Kind::TypeChanged);
        QVERIFY(node->children.isEmpty());
    }
    QCOMPARE(result.root.children[0].before->kind(), json::Node::Kind::Number);
    QCOMPARE(result.root.children[0].after->kind(), json::Node::Kind::String);
}

void StructuralDiffTest::create()
{
    const auto payload = document("{\"canonicalKey\":\"gl.amount\",\"name\":\"Amount\",\"tags\":[\"a\",\"b\"],"
                                  "\"lines\":[{\"code\":\"x\"}]}");
    const DiffResult result = steward::diff::diff(nullptr, payload);
    QVERIFY(result.before);
    QVERIFY(result.before->isNull());
    QCOMPARE(result.root.kind, DiffNode::Kind::Added);
    QCOMPARE(childKeys(result.root), (QStringList{u"canonicalKey"_s, u"name"_s, u"tags"_s, u"lines"_s}));
    for (const DiffNode &child : result.root.children)
        QCOMPARE(child.kind, DiffNode::Kind::Added);
    QCOMPARE(childKeys(result.root.children[2]), (QStringList{u"[0]"_s, u"[1]"_s}));
    QCOMPARE(result.root.children[3].children[0].key, u"code=x"_s);
    QCOMPARE(result.root.children[3].children[0].children[0].path, u"/lines/0/code"_s);
    // Root, 4 members, 2 tags, 1 line and its field.
    QCOMPARE(result.counts.added, 9);
    verifyPaths(result);
}

void StructuralDiffTest::createFromNullDocument()
{
    const DiffResult result =
        steward::diff::diff(std::make_shared<const json::Node>(json::Node::null()), document("{\"a\":1}"));
    QCOMPARE(result.root.kind, DiffNode::Kind::Added);
    QCOMPARE(result.root.children.size(), 1);
    QCOMPARE(result.counts.added, 2);
}

void StructuralDiffTest::identityKeyOption()
{
    // Ids were renumbered; codes are stable.
    const QByteArray before = "[{\"id\":1,\"code\":\"a\",\"v\":1},{\"id\":2,\"code\":\"b\",\"v\":2}]";
    const QByteArray after = "[{\"id\":7,\"code\":\"b\",\"v\":2},{\"id\":8,\"code\":\"a\",\"v\":1}]";
    const DiffResult byDefault = diffText(before, after);
    QCOMPARE(byDefault.counts.added, 2);
    QCOMPARE(byDefault.counts.removed, 2);
    QCOMPARE(byDefault.changes()[0]->key, u"id=1"_s);

    DiffOptions options;
    options.identityKey = u"code"_s;
    const DiffResult byCode = diffText(before, after, options);
    QCOMPARE(byCode.counts.moved, 1);
    QCOMPARE(byCode.counts.changed, 2); // both ids
    QCOMPARE(byCode.counts.added + byCode.counts.removed, 0);
    QCOMPARE(childKeys(byCode.root), (QStringList{u"code=b"_s, u"code=a"_s}));
    verifyPaths(byCode);

    // Falls back to the defaults where the option's member is missing.
    options.identityKey = u"absent"_s;
    QCOMPARE(childKeys(diffText(before, after, options).root).first(), u"id=1"_s);
}

void StructuralDiffTest::arraysOfScalars()
{
    const DiffResult result =
        diffText("{\"tags\":[\"a\",\"b\",\"c\",\"d\"]}", "{\"tags\":[\"z\",\"a\",\"x\",\"c\",\"d\"]}");
    const QList<const DiffNode *> changes = result.changes();
    QCOMPARE(changes.size(), 2);
    QCOMPARE(changes[0]->kind, DiffNode::Kind::Added);
    QCOMPARE(changes[0]->path, u"/tags/0"_s);
    QCOMPARE(changes[1]->kind, DiffNode::Kind::Changed); // b -> x, in the same gap
    QCOMPARE(changes[1]->path, u"/tags/2"_s);
    QCOMPARE(changes[1]->key, u"[2]"_s);

    // Numbers align on their decimal value.
    const DiffResult numbers = diffText("[1,2,3]", "[0,1.0,2,3]");
    QCOMPARE(numbers.counts.total(), 1);
    QCOMPARE(numbers.counts.formattingOnly, 1);

    const DiffResult moved = diffText("[1,2,3,4,5]", "[5,1,2,3,4]");
    QCOMPARE(moved.counts.moved, 1);
    QCOMPARE(moved.changes()[0]->fromPath, u"/4"_s);
}

void StructuralDiffTest::objectsWithoutIdentity()
{
    const DiffResult result = diffText("[{\"a\":1},{\"b\":2}]", "[{\"z\":0},{\"a\":1},{\"b\":2}]");
    QCOMPARE(result.counts.total(), 1);
    QCOMPARE(result.changes()[0]->path, u"/0"_s);

    // Member order inside an item does not make it a different item.
    const DiffResult reordered = diffText("[{\"a\":1,\"b\":2}]", "[{\"b\":2,\"a\":1}]");
    QCOMPARE(reordered.counts.total(), 0);
}

void StructuralDiffTest::longStringWordDiff()
{
    const DiffResult result = diffText(kLongBefore, kLongAfter);
    QCOMPARE(result.counts.changed, 1);
    const DiffNode &description = result.root.children[0];
    QVERIFY(!description.words.isEmpty());
    QCOMPARE(description.words[0].kind, WordEdit::Kind::Same);
    QCOMPARE(description.words[1].kind, WordEdit::Kind::Deleted);
    QCOMPARE(description.words[1].text, u"gross "_s);
    QCOMPARE(description.words[2].text, u"net "_s);

    const DiffResult shortText = diffText("{\"s\":\"short one\"}", "{\"s\":\"short two\"}");
    QVERIFY(shortText.root.children[0].words.isEmpty());

    // "Long" counts characters, not bytes of UTF-8: 60 two-byte letters are still short.
    const auto accented = [](int letters, const char *last) {
        return QByteArray("{\"s\":\"") + QString(letters - 1, u'é').toUtf8() + last + "\"}";
    };
    QVERIFY(diffText(accented(60, "a"), accented(60, "b")).root.children[0].words.isEmpty());
    QVERIFY(!diffText(accented(61, "a"), accented(61, "b")).root.children[0].words.isEmpty());
}

void StructuralDiffTest::memberNamesCompareByTextOrSharedString()
{
    const json::Node a = *document(R"({"x":1,"y":2})");
    QVERIFY(sameMemberNames(a, *document(R"({"x":3,"y":4})"))); // equal texts, separate strings
    QVERIFY(sameMemberNames(a, a));                              // the same strings
    QVERIFY(!sameMemberNames(a, *document(R"({"y":1,"x":2})")));
    QVERIFY(!sameMemberNames(a, *document(R"({"x":1,"z":2})")));
    QVERIFY(!sameMemberNames(a, *document(R"({"x":1})")));
    // A name sharing another's characters but shorter is another name.
    const QString xy = u"xy"_s;
    const QString x = QString::fromRawData(xy.constData(), 1);
    QVERIFY(!sameMemberNames(json::Node::object({{xy, json::Node::null()}}),
                             json::Node::object({{x, json::Node::null()}})));
}

void StructuralDiffTest::pathsAreEscaped()
{
    const DiffResult result = diffText("{\"a/b\":{\"~x\":1}}", "{\"a/b\":{\"~x\":2}}");
    QCOMPARE(result.changes()[0]->path, u"/a~1b/~0x"_s);
    verifyPaths(result);
}

void StructuralDiffTest::approximateFallback()
{
    // Two 200k-element arrays with nothing in common: Myers' worst case.
    QByteArray before = "[";
    QByteArray after = "[";
    for (int i = 0; i < 200'000; ++i) {
        before += (i ? "," : "") + QByteArray::number(i);
        after += (i ? "," : "") + QByteArray::number(i + 1'000'000);
    }
    before += ']';
    after += ']';
    DiffOptions options;
    options.maxAlignmentCost = 100'000;
    QElapsedTimer timer;
    timer.start();
    const DiffResult result = diffText(before, after, options);
    // Generous for a loaded Debug build: without the budget this would take hours.
    QVERIFY2(timer.elapsed() < 15000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(result.approximate);
    QVERIFY(!result.approximateReason.isEmpty());
    QCOMPARE(result.counts.changed, 200'000); // compared by position

    // No time at all: still a complete answer, marked approximate.
    options = DiffOptions();
    options.timeBudgetMs = 0;
    const DiffResult late = diffText(identityItems(100), QByteArray(movedWithEdit()), options);
    QVERIFY(late.approximate);
    verifyPaths(late);
}

void StructuralDiffTest::countsMatchChanges_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    for (const SamplePair &pair : samplePairs())
        QTest::newRow(pair.name) << pair.before << pair.after;
}

void StructuralDiffTest::countsMatchChanges()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    const DiffResult result = diffText(before, after);
    QCOMPARE(qsizetype(result.counts.total()), result.changes().size());
    QCOMPARE(result.root.changeCount(), result.counts.total());
    QCOMPARE(result.root.containsChanges, result.counts.total() > 0);
    QCOMPARE(result.counts.total() == 0, result.before->sameValue(*result.after));
    verifyPaths(result);
}

QTEST_GUILESS_MAIN(StructuralDiffTest)
#include "tst_structuraldiff.moc"
