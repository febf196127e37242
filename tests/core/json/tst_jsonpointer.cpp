// RFC 6901 JSON Pointers (json/JsonPointer.h).
#include "json/JsonNode.h"
#include "json/JsonParser.h"
#include "json/JsonPointer.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace steward::json;

class TestJsonPointer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escaping_data();
    void escaping();
    void append();
    void abbreviate();
    void split_data();
    void split();
    void resolveMembersAndItems_data();
    void resolveMembersAndItems();
    void resolveRefuses_data();
    void resolveRefuses();

private:
    Node document() const;
};

void TestJsonPointer::escaping_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("escaped");
    QTest::newRow("plain") << u"name"_s << u"name"_s;
    QTest::newRow("slash") << u"a/b"_s << u"a~1b"_s;
    QTest::newRow("tilde") << u"m~n"_s << u"m~0n"_s;
    QTest::newRow("tilde then one (not a slash)") << u"~1"_s << u"~01"_s;
    QTest::newRow("both") << u"~/"_s << u"~0~1"_s;
    QTest::newRow("empty") << QString() << QString();
}

void TestJsonPointer::escaping()
{
    QFETCH(QString, token);
    QFETCH(QString, escaped);
    QCOMPARE(escapeToken(token), escaped);
    QCOMPARE(unescapeToken(escaped), token);
}

void TestJsonPointer::append()
{
    QCOMPARE(appendToken(QString(), u"a"_s), u"/a"_s);
    QCOMPARE(appendToken(u"/a"_s, u"b/c"_s), u"/a/b~1c"_s);
    QCOMPARE(appendToken(QString(), QString()), u"/"_s);
    QCOMPARE(appendIndex(u"/items"_s, 12), u"/items/12"_s);
    QCOMPARE(appendIndex(QString(), 0), u"/0"_s);
}

void TestJsonPointer::abbreviate()
{
    QCOMPARE(abbreviatePointer(QString()), QString());
    QCOMPARE(abbreviatePointer(u"/a/b/c/d/e/f/g/h"_s), u"/a/b/c/d/e/f/g/h"_s); // 8 tokens: whole
    const QString deep = u"/a/b/c/d/e/f/g/h/i"_s;
    QVERIFY2(abbreviatePointer(deep).startsWith(u"/a/b/c/…/g/h/i ("_s), qPrintable(abbreviatePointer(deep)));
    QVERIFY2(abbreviatePointer(deep).contains(u"9"_s), qPrintable(abbreviatePointer(deep)));
    QStringList steps(200, u"a"_s);
    const QString short200 = abbreviatePointer(u'/' + steps.join(u'/'));
    QVERIFY2(short200.size() < 40 && short200.contains(u"200"_s), qPrintable(short200));
    // Escaped tokens stay whole.
    QVERIFY(abbreviatePointer(u"/x~1y/b/c/d/e/f/g/h/last~0"_s).startsWith(u"/x~1y/b/c/…/g/h/last~0"_s));
    // A member name of 700 characters is cut to its start, wherever it stands.
    const QString longName(700, u'x');
    QCOMPARE(abbreviatePointer(u"/payload/"_s + longName), u"/payload/"_s + QString(20, u'x') + u'…');
    QVERIFY(abbreviatePointer(u"/"_s + longName + u"/b/c/d/e/f/g/h/i"_s).size() < 80);
}

void TestJsonPointer::split_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QStringList>("tokens");
    QTest::newRow("root") << QString() << true << QStringList();
    QTest::newRow("empty key") << u"/"_s << true << QStringList{QString()};
    QTest::newRow("two empty keys") << u"//"_s << true << QStringList{QString(), QString()};
    QTest::newRow("escapes") << u"/a~1b/~0c/~01"_s << true << QStringList{u"a/b"_s, u"~c"_s, u"~1"_s};
    QTest::newRow("index") << u"/items/0"_s << true << QStringList{u"items"_s, u"0"_s};
    QTest::newRow("no leading slash") << u"a/b"_s << false << QStringList();
    QTest::newRow("bad escape") << u"/~2"_s << false << QStringList();
    QTest::newRow("dangling tilde") << u"/a~"_s << false << QStringList();
}

void TestJsonPointer::split()
{
    QFETCH(QString, pointer);
    QFETCH(bool, valid);
    QFETCH(QStringList, tokens);
    const auto result = splitPointer(pointer);
    QCOMPARE(result.has_value(), valid);
    if (valid)
        QCOMPARE(*result, tokens);
}

Node TestJsonPointer::document() const
{
    const auto parsed = parse(R"({"a":{"b":[10,20,{"c":"deep"}]},"":"empty key","x/y":1,"m~n":2,"n":null})");
    return parsed.ok() ? parsed.value() : Node();
}

void TestJsonPointer::resolveMembersAndItems_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::addColumn<QByteArray>("expected"); // compact serialization of the node found
    QTest::newRow("root") << QString() << QByteArray(R"({"a":{"b":[10,20,{"c":"deep"}]},"":"empty key","x/y":1,"m~n":2,"n":null})");
    QTest::newRow("member") << u"/a/b"_s << QByteArray(R"([10,20,{"c":"deep"}])");
    QTest::newRow("first item") << u"/a/b/0"_s << QByteArray("10");
    QTest::newRow("through an item") << u"/a/b/2/c"_s << QByteArray(R"("deep")");
    QTest::newRow("empty key") << u"/"_s << QByteArray(R"("empty key")");
    QTest::newRow("escaped slash") << u"/x~1y"_s << QByteArray("1");
    QTest::newRow("escaped tilde") << u"/m~0n"_s << QByteArray("2");
    QTest::newRow("null value") << u"/n"_s << QByteArray("null");
}

void TestJsonPointer::resolveMembersAndItems()
{
    QFETCH(QString, pointer);
    QFETCH(QByteArray, expected);
    const Node root = document();
    QVERIFY(root.isObject());
    const Node *found = resolve(root, pointer);
    QVERIFY2(found, qPrintable(pointer));
    QCOMPARE(serialize(*found), expected);
}

void TestJsonPointer::resolveRefuses_data()
{
    QTest::addColumn<QString>("pointer");
    QTest::newRow("missing member") << u"/nope"_s;
    QTest::newRow("index out of range") << u"/a/b/3"_s;
    QTest::newRow("leading zero index") << u"/a/b/01"_s;
    QTest::newRow("dash (past the end)") << u"/a/b/-"_s;
    QTest::newRow("negative index") << u"/a/b/-1"_s;
    QTest::newRow("name on an array") << u"/a/b/c"_s;
    QTest::newRow("into a scalar") << u"/x~1y/0"_s;
    QTest::newRow("unescaped slash is two tokens") << u"/x/y"_s;
    QTest::newRow("huge index") << u"/a/b/99999999999999999999999"_s;
    QTest::newRow("invalid pointer") << u"a"_s;
}

void TestJsonPointer::resolveRefuses()
{
    QFETCH(QString, pointer);
    const Node root = document();
    QVERIFY(root.isObject());
    QCOMPARE(resolve(root, pointer), nullptr);
}

QTEST_GUILESS_MAIN(TestJsonPointer)
#include "tst_jsonpointer.moc"
