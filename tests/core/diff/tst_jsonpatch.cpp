// JSON Patch export and application: small patches computed from the alignment, exact
// round trips (member order and number text included), and RFC 6902 semantics.

#include "DiffTestSupport.h"
#include "diff/JsonPatch.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::diff;
using namespace steward::testing;

namespace {

QString opOf(const json::Node &operation)
{
    return operation.member(u"op"_s)->text();
}

QString pathOf(const json::Node &operation)
{
    return operation.member(u"path"_s)->text();
}

json::Node patched(const json::Node &before, const json::Node &after, const DiffOptions &options = {})
{
    const json::Node patch = toPatch(before, after, options);
    const Result<json::Node> applied = applyPatch(before, patch);
    if (!applied) {
        qWarning("patch failed: %s\n%s", qPrintable(applied.error().text()), json::serialize(patch).constData());
        return json::Node::string(u"<patch failed>"_s);
    }
    return applied.value();
}

} // namespace

class JsonPatchTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void identicalGivesEmptyPatch();
    void insertAtHeadIsOneAdd();
    void moveIsOneMove();
    void manyMovesKeepIndicesRight();
    void decimalFormattingIsReplaced();
    void createReplacesTheDocument();
    void memberOrderIsExact();
    void identityKeyOptionIsFollowed();
    void rfc6902_data();
    void rfc6902();
    void errors_data();
    void errors();
    void failureAppliesNothing();
};

void JsonPatchTest::roundTrip_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    for (const SamplePair &pair : samplePairs()) {
        QTest::newRow(pair.name) << pair.before << pair.after;
        QTest::newRow(qPrintable(u"%1 (reverse)"_s.arg(QString::fromUtf8(pair.name)))) << pair.after << pair.before;
    }
}

void JsonPatchTest::roundTrip()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    const json::Node old = parseJson(before);
    const json::Node now = parseJson(after);
    const json::Node result = patched(old, now);
    QCOMPARE(json::serialize(result), json::serialize(now));
    QVERIFY(result.identical(now));
    // The exported text is a valid patch too.
    const json::Node reparsed = parseJson(json::serialize(toPatch(old, now)));
    QVERIFY(applyPatch(old, reparsed).value().identical(now));
}

void JsonPatchTest::identicalGivesEmptyPatch()
{
    const json::Node items = parseJson(identityItems(100));
    QCOMPARE(toPatch(items, items).items().size(), 0);
}

void JsonPatchTest::insertAtHeadIsOneAdd()
{
    const json::Node old = parseJson(identityItems(10'000));
    const json::Node now =
        parseJson(QByteArray(identityItems(10'000))
                      .replace("\"items\":[", "\"items\":[{\"id\":\"new\",\"name\":\"New\",\"amount\":1},"));
    const json::Node patch = toPatch(old, now);
    QCOMPARE(patch.items().size(), 1);
    QCOMPARE(opOf(patch.items()[0]), u"add"_s);
    QCOMPARE(pathOf(patch.items()[0]), u"/items/0"_s);
    QVERIFY(applyPatch(old, patch).value().identical(now));
}

void JsonPatchTest::moveIsOneMove()
{
    const json::Node old = parseJson(identityItems(10));
    const json::Node now = parseJson(movedWithEdit());
    const json::Node patch = toPatch(old, now);
    QCOMPARE(json::serialize(patch),
             QByteArray("[{\"op\":\"move\",\"from\":\"/items/5\",\"path\":\"/items/0\"},"
                        "{\"op\":\"replace\",\"path\":\"/items/0/name\",\"value\":\"Renamed\"}]"));
}

// Many moves, insertions and removals in one array: each operation's index must account
// for the ones before it, and each edit costs at most one operation.
void JsonPatchTest::manyMovesKeepIndicesRight()
{
    QRandomGenerator random(99);
    for (int round = 0; round < 50; ++round) {
        const json::Node old = parseJson(identityItems(200));
        json::Node now = old;
        QList<json::Node> &items = now.members()[0].second.items();
        const int edits = 5 + random.bounded(40);
        for (int e = 0; e < edits; ++e) {
            const int kind = random.bounded(3);
            if (kind == 0) {
                json::Node moving = items.takeAt(random.bounded(int(items.size())));
                items.insert(random.bounded(int(items.size()) + 1), moving);
            } else if (kind == 1) {
                items.insert(random.bounded(int(items.size()) + 1),
                             parseJson(QByteArray("{\"id\":\"new-") + QByteArray::number(e) + "\"}"));
            } else {
                items.removeAt(random.bounded(int(items.size())));
            }
        }
        const json::Node patch = toPatch(old, now);
        QVERIFY2(patch.items().size() <= edits, qPrintable(QString::number(round)));
        for (const json::Node &operation : patch.items())
            QVERIFY(opOf(operation) != u"replace"_s);
        const Result<json::Node> applied = applyPatch(old, patch);
        QVERIFY(applied.ok());
        QVERIFY2(applied.value().identical(now), qPrintable(QString::number(round)));
    }
}

void JsonPatchTest::decimalFormattingIsReplaced()
{
    const json::Node old = parseJson("{\"v\":12345678901234567.89}");
    const json::Node now = parseJson("{\"v\":12345678901234567.890}");
    const json::Node patch = toPatch(old, now);
    QCOMPARE(patch.items().size(), 1);
    QCOMPARE(json::serialize(applyPatch(old, patch).value()), QByteArray("{\"v\":12345678901234567.890}"));
}

void JsonPatchTest::createReplacesTheDocument()
{
    const json::Node now = parseJson("{\"canonicalKey\":\"gl.amount\",\"name\":\"Amount\"}");
    const json::Node patch = toPatch(json::Node::null(), now);
    QCOMPARE(patch.items().size(), 1);
    QCOMPARE(opOf(patch.items()[0]), u"replace"_s);
    QCOMPARE(pathOf(patch.items()[0]), QString());
    QVERIFY(applyPatch(json::Node::null(), patch).value().identical(now));
}

void JsonPatchTest::memberOrderIsExact()
{
    // Appended members need nothing but "add".
    const json::Node old = parseJson("{\"a\":1,\"b\":2}");
    const json::Node appended = parseJson("{\"a\":1,\"b\":2,\"c\":3}");
    QCOMPARE(toPatch(old, appended).items().size(), 1);

    // A member inserted before others re-appends those after it with value-less moves.
    const json::Node inserted = parseJson("{\"a\":1,\"new\":0,\"b\":2}");
    const json::Node patch = toPatch(old, inserted);
    QCOMPARE(json::serialize(patch), QByteArray("[{\"op\":\"add\",\"path\":\"/new\",\"value\":0},"
                                                "{\"op\":\"move\",\"from\":\"/b\",\"path\":\"/b\"}]"));
    QCOMPARE(json::serialize(applyPatch(old, patch).value()), json::serialize(inserted));
}

void JsonPatchTest::identityKeyOptionIsFollowed()
{
    const json::Node old = parseJson("[{\"id\":1,\"code\":\"a\"},{\"id\":2,\"code\":\"b\"}]");
    const json::Node now = parseJson("[{\"id\":7,\"code\":\"b\"},{\"id\":8,\"code\":\"a\"}]");
    DiffOptions options;
    options.identityKey = u"code"_s;
    const json::Node patch = toPatch(old, now, options);
    QCOMPARE(opOf(patch.items()[0]), u"move"_s);
    QVERIFY(applyPatch(old, patch).value().identical(now));
    QVERIFY(patched(old, now).identical(now));
}

// The examples of RFC 6902 Appendix A that succeed.
void JsonPatchTest::rfc6902_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("A.1 add member") << QByteArray("{\"foo\":\"bar\"}")
                                    << QByteArray("[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\"}]")
                                    << QByteArray("{\"foo\":\"bar\",\"baz\":\"qux\"}");
    QTest::newRow("A.2 add array element") << QByteArray("{\"foo\":[\"bar\",\"baz\"]}")
                                           << QByteArray("[{\"op\":\"add\",\"path\":\"/foo/1\",\"value\":\"qux\"}]")
                                           << QByteArray("{\"foo\":[\"bar\",\"qux\",\"baz\"]}");
    QTest::newRow("A.3 remove member") << QByteArray("{\"baz\":\"qux\",\"foo\":\"bar\"}")
                                       << QByteArray("[{\"op\":\"remove\",\"path\":\"/baz\"}]")
                                       << QByteArray("{\"foo\":\"bar\"}");
    QTest::newRow("A.4 remove array element")
        << QByteArray("{\"foo\":[\"bar\",\"qux\",\"baz\"]}") << QByteArray("[{\"op\":\"remove\",\"path\":\"/foo/1\"}]")
        << QByteArray("{\"foo\":[\"bar\",\"baz\"]}");
    QTest::newRow("A.5 replace") << QByteArray("{\"baz\":\"qux\",\"foo\":\"bar\"}")
                                 << QByteArray("[{\"op\":\"replace\",\"path\":\"/baz\",\"value\":\"boo\"}]")
                                 << QByteArray("{\"baz\":\"boo\",\"foo\":\"bar\"}");
    QTest::newRow("A.6 move member")
        << QByteArray("{\"foo\":{\"bar\":\"baz\",\"waldo\":\"fred\"},\"qux\":{\"corge\":\"grault\"}}")
        << QByteArray("[{\"op\":\"move\",\"from\":\"/foo/waldo\",\"path\":\"/qux/thud\"}]")
        << QByteArray("{\"foo\":{\"bar\":\"baz\"},\"qux\":{\"corge\":\"grault\",\"thud\":\"fred\"}}");
    QTest::newRow("A.7 move array element") << QByteArray("{\"foo\":[\"all\",\"grass\",\"cows\",\"eat\"]}")
                                            << QByteArray("[{\"op\":\"move\",\"from\":\"/foo/1\",\"path\":\"/foo/3\"}]")
                                            << QByteArray("{\"foo\":[\"all\",\"cows\",\"eat\",\"grass\"]}");
    QTest::newRow("A.8 test success")
        << QByteArray("{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}")
        << QByteArray("[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"qux\"},{\"op\":\"test\",\"path\":\"/foo/"
                      "1\",\"value\":2}]")
        << QByteArray("{\"baz\":\"qux\",\"foo\":[\"a\",2,\"c\"]}");
    QTest::newRow("A.10 add nested member")
        << QByteArray("{\"foo\":\"bar\"}")
        << QByteArray("[{\"op\":\"add\",\"path\":\"/child\",\"value\":{\"grandchild\":{}}}]")
        << QByteArray("{\"foo\":\"bar\",\"child\":{\"grandchild\":{}}}");
    QTest::newRow("A.11 ignore unrecognized elements")
        << QByteArray("{\"foo\":\"bar\"}")
        << QByteArray("[{\"op\":\"add\",\"path\":\"/baz\",\"value\":\"qux\",\"xyz\":123}]")
        << QByteArray("{\"foo\":\"bar\",\"baz\":\"qux\"}");
    QTest::newRow("A.14 ~ escape ordering")
        << QByteArray("{\"/\":9,\"~1\":10}") << QByteArray("[{\"op\":\"test\",\"path\":\"/~01\",\"value\":10}]")
        << QByteArray("{\"/\":9,\"~1\":10}");
    QTest::newRow("A.16 add array value")
        << QByteArray("{\"foo\":[\"bar\"]}")
        << QByteArray("[{\"op\":\"add\",\"path\":\"/foo/-\",\"value\":[\"abc\",\"def\"]}]")
        << QByteArray("{\"foo\":[\"bar\",[\"abc\",\"def\"]]}");
    QTest::newRow("copy") << QByteArray("{\"a\":{\"b\":1}}")
                          << QByteArray("[{\"op\":\"copy\",\"from\":\"/a\",\"path\":\"/c\"}]")
                          << QByteArray("{\"a\":{\"b\":1},\"c\":{\"b\":1}}");
    QTest::newRow("test numbers by value")
        << QByteArray("{\"n\":100}") << QByteArray("[{\"op\":\"test\",\"path\":\"/n\",\"value\":1e2}]")
        << QByteArray("{\"n\":100}");
    QTest::newRow("replace root") << QByteArray("{\"a\":1}")
                                  << QByteArray("[{\"op\":\"replace\",\"path\":\"\",\"value\":[1]}]")
                                  << QByteArray("[1]");
    QTest::newRow("move onto itself re-appends")
        << QByteArray("{\"a\":1,\"b\":2}") << QByteArray("[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a\"}]")
        << QByteArray("{\"b\":2,\"a\":1}");
}

void JsonPatchTest::rfc6902()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, patch);
    QFETCH(QByteArray, expected);
    const Result<json::Node> applied = applyPatch(parseJson(document), parseJson(patch));
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().text()));
    QCOMPARE(json::serialize(applied.value()), expected);
}

void JsonPatchTest::errors_data()
{
    QTest::addColumn<QByteArray>("document");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QString>("field");
    QTest::newRow("A.9 test failure") << QByteArray("{\"baz\":\"qux\"}")
                                      << QByteArray("[{\"op\":\"test\",\"path\":\"/baz\",\"value\":\"bar\"}]")
                                      << u"/baz"_s;
    QTest::newRow("A.12 add to nonexistent target")
        << QByteArray("{\"foo\":\"bar\"}") << QByteArray("[{\"op\":\"add\",\"path\":\"/baz/bat\",\"value\":\"qux\"}]")
        << u"/baz/bat"_s;
    QTest::newRow("A.15 string is not a number")
        << QByteArray("{\"/\":9,\"~1\":10}") << QByteArray("[{\"op\":\"test\",\"path\":\"/~01\",\"value\":\"10\"}]")
        << u"/~01"_s;
    QTest::newRow("not an array") << QByteArray("{}") << QByteArray("{\"op\":\"add\"}") << QString();
    QTest::newRow("missing path") << QByteArray("{}") << QByteArray("[{\"op\":\"add\",\"value\":1}]") << QString();
    QTest::newRow("missing value") << QByteArray("{}") << QByteArray("[{\"op\":\"add\",\"path\":\"/a\"}]") << u"/a"_s;
    QTest::newRow("unknown op") << QByteArray("{}") << QByteArray("[{\"op\":\"merge\",\"path\":\"/a\"}]") << u"/a"_s;
    QTest::newRow("bad pointer") << QByteArray("{}") << QByteArray("[{\"op\":\"remove\",\"path\":\"a\"}]") << u"a"_s;
    QTest::newRow("remove missing") << QByteArray("{\"a\":1}") << QByteArray("[{\"op\":\"remove\",\"path\":\"/b\"}]")
                                    << u"/b"_s;
    QTest::newRow("index past end") << QByteArray("[1]") << QByteArray("[{\"op\":\"add\",\"path\":\"/2\",\"value\":0}]")
                                    << u"/2"_s;
    QTest::newRow("leading zero index") << QByteArray("[1,2]")
                                        << QByteArray("[{\"op\":\"replace\",\"path\":\"/01\",\"value\":0}]")
                                        << u"/01"_s;
    QTest::newRow("replace missing") << QByteArray("[1]")
                                     << QByteArray("[{\"op\":\"replace\",\"path\":\"/-\",\"value\":0}]") << u"/-"_s;
    QTest::newRow("move into own child") << QByteArray("{\"a\":{\"b\":{}}}")
                                         << QByteArray("[{\"op\":\"move\",\"from\":\"/a\",\"path\":\"/a/b/c\"}]")
                                         << u"/a/b/c"_s;
    QTest::newRow("move from missing") << QByteArray("{\"a\":1}")
                                       << QByteArray("[{\"op\":\"move\",\"from\":\"/x\",\"path\":\"/y\"}]") << u"/y"_s;
    QTest::newRow("copy without from") << QByteArray("{\"a\":1}") << QByteArray("[{\"op\":\"copy\",\"path\":\"/y\"}]")
                                       << u"/y"_s;
    QTest::newRow("remove root") << QByteArray("{\"a\":1}") << QByteArray("[{\"op\":\"remove\",\"path\":\"\"}]")
                                 << QString();
    QTest::newRow("into a scalar") << QByteArray("{\"a\":1}")
                                   << QByteArray("[{\"op\":\"add\",\"path\":\"/a/b\",\"value\":1}]") << u"/a/b"_s;
}

void JsonPatchTest::errors()
{
    QFETCH(QByteArray, document);
    QFETCH(QByteArray, patch);
    QFETCH(QString, field);
    const Result<json::Node> applied = applyPatch(parseJson(document), parseJson(patch));
    QVERIFY(!applied.ok());
    QCOMPARE(applied.error().code, ErrorCode::Invalid);
    QCOMPARE(applied.error().field, field);
    QVERIFY(!applied.error().message.isEmpty());
}

void JsonPatchTest::failureAppliesNothing()
{
    const json::Node document = parseJson("{\"a\":[1,2,3]}");
    const json::Node patch =
        parseJson("[{\"op\":\"remove\",\"path\":\"/a/0\"},{\"op\":\"add\",\"path\":\"/b\",\"value\":1},"
                  "{\"op\":\"test\",\"path\":\"/b\",\"value\":2}]");
    QVERIFY(!applyPatch(document, patch).ok());
    QCOMPARE(json::serialize(document), QByteArray("{\"a\":[1,2,3]}"));
}

QTEST_GUILESS_MAIN(JsonPatchTest)
#include "tst_jsonpatch.moc"
