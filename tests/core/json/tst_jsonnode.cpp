// json::Node's storage: texts inside the node or in a shared block, copies, moves and
// assignments between a node and its own children, and mutable access by kind.
#include "json/JsonNode.h"
#include "json/JsonParser.h"

#include <QtTest>

#include <algorithm>
#include <utility>

using namespace Qt::StringLiterals;
using namespace steward::json;

class TestJsonNode : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void textsInsideAndBeyondTheNode_data();
    void textsInsideAndBeyondTheNode();
    void utf8Constructors();
    void copiesAreIndependent();
    void moveLeavesNull();
    void assigningAChildToItsParent();
    void selfAssignment();
    void mutableAccessTurnsTheKind();
    void constAccessOfAnotherKindIsEmpty();
    void listsOfNodesReorder();
    void sameTextVersusSameValue();
};

void TestJsonNode::textsInsideAndBeyondTheNode_data()
{
    QTest::addColumn<QString>("text");
    QTest::newRow("empty") << QString();
    QTest::newRow("1 byte") << u"x"_s;
    QTest::newRow("23 bytes") << QString(23, u'a');
    QTest::newRow("24 bytes: the last inside") << QString(24, u'b');
    QTest::newRow("25 bytes: the first outside") << QString(25, u'c');
    QTest::newRow("a 2-byte character across 24") << QString(23, u'd') + u"é"_s;
    QTest::newRow("emoji and accents") << u"café 😀 naïve"_s;
    QTest::newRow("NUL inside") << QString(QChar(u'\0')) + u"after"_s;
    QTest::newRow("long") << QString(10000, u'e');
}

void TestJsonNode::textsInsideAndBeyondTheNode()
{
    QFETCH(QString, text);
    const Node string = Node::string(text);
    QCOMPARE(string.kind(), Node::Kind::String);
    QCOMPARE(string.text(), text);
    QCOMPARE(string.utf8(), QByteArrayView(text.toUtf8()));
    const auto reparsed = parse(serialize(string));
    QVERIFY(reparsed.ok());
    QVERIFY(reparsed.value().identical(string));

    // Copied, moved and assigned over other kinds, the text stays.
    Node copy = string;
    QCOMPARE(copy.text(), text);
    Node moved = std::move(copy);
    QCOMPARE(moved.text(), text);
    Node overwritten = Node::array({Node::number(u"1"_s)});
    overwritten = moved;
    QCOMPARE(overwritten.text(), text);
    overwritten = Node::string(text + u"!"_s);
    QCOMPARE(overwritten.text(), text + u"!"_s);
    QCOMPARE(moved.text(), text);
}

void TestJsonNode::utf8Constructors()
{
    QVERIFY(Node::stringFromUtf8("caf\xc3\xa9").identical(Node::string(u"café"_s)));
    QVERIFY(Node::numberFromUtf8("-1.50e3").identical(Node::number(u"-1.50e3"_s)));
    QCOMPARE(Node::numberFromUtf8("12345678901234567890.12345678901234567890").text(),
             u"12345678901234567890.12345678901234567890"_s);
    QCOMPARE(Node::boolean(true).utf8(), QByteArrayView());
    QCOMPARE(Node::array().text(), QString());
}

void TestJsonNode::copiesAreIndependent()
{
    const Node original = parse(R"({"a":[1,"a text longer than twenty-four bytes"],"b":{"c":true}})").value();
    Node copy = original;
    copy.members()[0].second.items()[1] = Node::string(u"changed"_s);
    copy.members()[1].second.setMember(u"d"_s, Node::null());
    QCOMPARE(serialize(original), QByteArray(R"({"a":[1,"a text longer than twenty-four bytes"],"b":{"c":true}})"));
    QCOMPARE(serialize(copy), QByteArray(R"({"a":[1,"changed"],"b":{"c":true,"d":null}})"));
}

void TestJsonNode::moveLeavesNull()
{
    for (const QByteArray &text : {QByteArray("[1,2]"), QByteArray(R"({"k":"v"})"), QByteArray(R"("short")"),
                                   QByteArray(R"("a string of more than twenty-four bytes")"), QByteArray("7")}) {
        Node source = parse(text).value();
        const Node target = std::move(source);
        QCOMPARE(serialize(target), text);
        QVERIFY(source.isNull()); // NOLINT(bugprone-use-after-move): a moved-from node is null, by design
        source = Node::boolean(false); // and usable again
        QCOMPARE(serialize(source), QByteArray("false"));
    }
}

void TestJsonNode::assigningAChildToItsParent()
{
    Node node = parse(R"({"a":{"b":[1,"a text longer than twenty-four bytes"]}})").value();
    node = node.members()[0].second; // a copy of a part of itself
    QCOMPARE(serialize(node), QByteArray(R"({"b":[1,"a text longer than twenty-four bytes"]})"));
    node = std::move(node.members()[0].second); // moved out of itself
    QCOMPARE(serialize(node), QByteArray(R"([1,"a text longer than twenty-four bytes"])"));
    node = std::move(node.items()[1]);
    QCOMPARE(node.text(), u"a text longer than twenty-four bytes"_s);
}

void TestJsonNode::selfAssignment()
{
    Node node = parse(R"({"a":[1,2,"a text longer than twenty-four bytes"]})").value();
    Node &same = node;
    node = same;
    QCOMPARE(serialize(node), QByteArray(R"({"a":[1,2,"a text longer than twenty-four bytes"]})"));
    node = std::move(same);
    QCOMPARE(serialize(node), QByteArray(R"({"a":[1,2,"a text longer than twenty-four bytes"]})"));
}

void TestJsonNode::mutableAccessTurnsTheKind()
{
    Node null;
    null.items().append(Node::number(u"1"_s));
    QVERIFY(null.isArray());
    QCOMPARE(serialize(null), QByteArray("[1]"));

    Node text = Node::string(u"a text longer than twenty-four bytes"_s);
    text.members().append({u"k"_s, Node::boolean(true)});
    QVERIFY(text.isObject());
    QCOMPARE(serialize(text), QByteArray(R"({"k":true})"));

    Node number = Node::number(u"5"_s);
    number.setMember(u"n"_s, Node::null());
    QCOMPARE(serialize(number), QByteArray(R"({"n":null})"));

    Node array = Node::array({Node::null()});
    QCOMPARE(array.member(u"n"_s), nullptr);
    QVERIFY(!array.removeMember(u"n"_s));
    QVERIFY(array.isArray()); // looking and removing change nothing
}

void TestJsonNode::constAccessOfAnotherKindIsEmpty()
{
    const Node number = Node::number(u"5"_s);
    QVERIFY(number.items().isEmpty());
    QVERIFY(number.members().isEmpty());
    QCOMPARE(number.member(u"x"_s), nullptr);
    QCOMPARE(number.size(), 0);
    QVERIFY(number.isNumber());
}

void TestJsonNode::listsOfNodesReorder()
{
    // Lists move nodes as bytes (Q_RELOCATABLE_TYPE): every kind must survive it.
    QList<Node> items;
    for (int i = 0; i < 40; ++i) {
        switch (i % 5) {
        case 0: items.append(Node::string(u"long text number %1 of the list"_s.arg(i))); break;
        case 1: items.append(Node::array({Node::number(QString::number(i))})); break;
        case 2: items.append(Node::object({{u"i"_s, Node::number(QString::number(i))}})); break;
        case 3: items.append(Node::string(QString::number(i))); break;
        default: items.append(Node::boolean(i % 2 == 0)); break;
        }
    }
    const QByteArray before = serialize(Node::array(items));
    for (int round = 0; round < 40; ++round)
        items.move(round, (round * 7) % items.size());
    items.prepend(Node::null());
    items.removeFirst();
    std::sort(items.begin(), items.end(), [](const Node &a, const Node &b) { return serialize(a) < serialize(b); });
    QList<Node> expected = parse(before).value().items();
    std::sort(expected.begin(), expected.end(),
              [](const Node &a, const Node &b) { return serialize(a) < serialize(b); });
    QVERIFY(Node::array(items).identical(Node::array(expected)));
}

void TestJsonNode::sameTextVersusSameValue()
{
    const Node hundred = Node::number(u"100"_s);
    const Node written = Node::number(u"100.0"_s);
    QVERIFY(!hundred.sameText(written));
    QVERIFY(hundred.sameValue(written));
    QVERIFY(!hundred.identical(written));
    QVERIFY(Node::string(u"100"_s).sameText(hundred)); // the text alone, whatever the kind
    QVERIFY(!Node::string(u"100"_s).sameValue(hundred));
}

QTEST_GUILESS_MAIN(TestJsonNode)
#include "tst_jsonnode.moc"
