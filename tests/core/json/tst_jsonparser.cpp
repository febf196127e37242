// The lossless JSON document model: parse(), serialize() and Node comparison.
#include "json/JsonNode.h"
#include "json/JsonParser.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QtTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::json;

namespace {

QStringList keysOf(const Node &object)
{
    QStringList keys;
    for (const Node::Member &member : object.members())
        keys.append(member.first);
    return keys;
}

QByteArray nested(int depth, char open, char close)
{
    return QByteArray(depth, open) + QByteArray(depth, close);
}

QByteArray nestedObjects(int depth)
{
    QByteArray text;
    for (int i = 0; i < depth; ++i)
        text += R"({"a":)";
    text += "1";
    text += QByteArray(depth, '}');
    return text;
}

} // namespace

class TestJsonParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keyOrderPreserved();
    void duplicateKeys_data();
    void duplicateKeys();
    void repeatedShapesStillRefuseDuplicates_data();
    void repeatedShapesStillRefuseDuplicates();
    void repeatedShapesKeepEachObjectsNames();
    void parserSharesNamesAcrossDocuments();
    void parserRecoversAfterAFailure();
    void parseInPlaceMatchesParse_data();
    void parseInPlaceMatchesParse();
    void depthLimit();
    void depthLimitObjects();
    void extremeNestingDoesNotCrash_data();
    void extremeNestingDoesNotCrash();
    void customDepthLimit();
    void sizeLimit();
    void malformed_data();
    void malformed();
    void unicodeEscapes();
    void unpairedSurrogates_data();
    void unpairedSurrogates();
    void invalidUtf8_data();
    void invalidUtf8();
    void topLevelNullForCreate_data();
    void topLevelNullForCreate();
    void topLevelScalars();
    void numbersKeepTheirText();
    void sameValueVersusIdentical();
    void roundTrip();
    void serializeEscapes();
    void serializeIndented();
    void editing();
    void qtJsonConversions();
};

void TestJsonParser::keyOrderPreserved()
{
    const auto parsed = parse(R"({"zeta":1,"alpha":{"y":true,"b":null,"m":[{"q":1,"c":2}]},"kappa":"v"})");
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
    const Node &root = parsed.value();
    QCOMPARE(keysOf(root), (QStringList{u"zeta"_s, u"alpha"_s, u"kappa"_s}));
    const Node *alpha = root.member(u"alpha"_s);
    QVERIFY(alpha);
    QCOMPARE(keysOf(*alpha), (QStringList{u"y"_s, u"b"_s, u"m"_s}));
    const Node *list = alpha->member(u"m"_s);
    QVERIFY(list && list->isArray());
    QCOMPARE(keysOf(list->items().at(0)), (QStringList{u"q"_s, u"c"_s}));
    // Qt's model sorts the keys: the reason this model exists.
    QCOMPARE(QJsonValue(toQJsonValue(root)).toObject().keys(), (QStringList{u"alpha"_s, u"kappa"_s, u"zeta"_s}));
}

void TestJsonParser::duplicateKeys_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("key");
    QTest::newRow("nested") << QByteArray(R"({"a":{"b":1,"b":2}})") << u"/a"_s << u"b"_s;
    QTest::newRow("top level") << QByteArray(R"({"x":1,"y":2,"x":3})") << QString() << u"x"_s;
    QTest::newRow("in an array item") << QByteArray(R"([{"k":1},{"k":1,"k":1}])") << u"/1"_s << u"k"_s;
    QTest::newRow("same key after unescaping") << QByteArray(R"({"a":1,"\u0061":2})") << QString() << u"a"_s;
    QTest::newRow("pointer escapes the path") << QByteArray(R"({"a/b":{"m~n":{"c":1,"c":1}}})") << u"/a~1b/m~0n"_s << u"c"_s;
    QTest::newRow("different values") << QByteArray(R"({"o":{"v":[1],"v":{"w":2}}})") << u"/o"_s << u"v"_s;
    QByteArray large = "{";
    for (int i = 0; i < 40; ++i)
        large += "\"k" + QByteArray::number(i) + "\":" + QByteArray::number(i) + ",";
    large += R"("k3":0})";
    QTest::newRow("large object") << large << QString() << u"k3"_s;
}

void TestJsonParser::duplicateKeys()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, field);
    QFETCH(QString, key);
    const auto parsed = parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    QCOMPARE(parsed.error().field, field);
    QVERIFY2(parsed.error().message.contains(u'"' + key + u'"'), qPrintable(parsed.error().message));
}

// The parser remembers the member names of recent objects and skips the duplicate check
// while a new object follows them: leaving such a shape must bring the check back.
void TestJsonParser::repeatedShapesStillRefuseDuplicates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("key");
    QTest::newRow("a known name again") << QByteArray(R"([{"a":1,"b":2},{"a":1,"a":2}])") << u"a"_s;
    QTest::newRow("past the shape's end") << QByteArray(R"([{"a":1,"b":2},{"a":1,"b":2,"b":3}])") << u"b"_s;
    QTest::newRow("after leaving the shape") << QByteArray(R"([{"a":1,"b":2,"c":3},{"a":1,"x":2,"a":3}])") << u"a"_s;
    QByteArray wide = "[{";
    for (int k = 0; k < 14; ++k)
        wide += (k ? "," : "") + QByteArray("\"k") + QByteArray::number(k) + "\":1";
    wide += "},{";
    for (int k = 0; k < 13; ++k)
        wide += QByteArray("\"k") + QByteArray::number(k) + "\":1,";
    wide += R"("k1":2}])";
    QTest::newRow("a large object (indexed check)") << wide << u"k1"_s;
}

void TestJsonParser::repeatedShapesStillRefuseDuplicates()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, key);
    const auto parsed = parse(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(u"\"%1\" appears more than once"_s.arg(key)),
             qPrintable(parsed.error().message));
    QCOMPARE(parsed.error().field, u"/1"_s);
}

void TestJsonParser::repeatedShapesKeepEachObjectsNames()
{
    const QByteArray text = R"([{"a":1,"b":2},{"a":1,"b":2,"c":3},{"a":1},{"b":1,"a":2},{"c\u0061":0},{"ca":1}])";
    const auto parsed = parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
    QCOMPARE(serialize(parsed.value()),
             QByteArray(R"([{"a":1,"b":2},{"a":1,"b":2,"c":3},{"a":1},{"b":1,"a":2},{"ca":0},{"ca":1}])"));
}

void TestJsonParser::parserSharesNamesAcrossDocuments()
{
    Parser parser;
    const auto first = parser.parse(R"([{"name":1,"other":2}])");
    const auto second = parser.parseInPlace(QByteArray(R"({"other":3,"name":4})"));
    QVERIFY(first.ok() && second.ok());
    const QString &firstName = first.value().items().at(0).members().at(0).first;
    const QString &secondName = second.value().members().at(1).first;
    QCOMPARE(secondName, u"name"_s);
    QCOMPARE(firstName.constData(), secondName.constData()); // one QString for both
    QCOMPARE(serialize(second.value()), QByteArray(R"({"other":3,"name":4})"));
}

void TestJsonParser::parserRecoversAfterAFailure()
{
    Parser parser;
    // Fails deep inside, with items and members half collected at several levels.
    QVERIFY(!parser.parse(R"([{"a":[1,2,{"b":[3,4)").ok());
    QVERIFY(!parser.parse(R"([{"a":[1,2,{"b":1,"b":2}]}])").ok());
    const auto parsed = parser.parse(R"([{"a":[5]},{"z":{"b":[6]}}])");
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
    QCOMPARE(serialize(parsed.value()), QByteArray(R"([{"a":[5]},{"z":{"b":[6]}}])"));
    // A larger document after a small one, and a small one after it.
    QByteArray large = "[";
    for (int i = 0; i < 20000; ++i)
        large += (i ? "," : "") + QByteArray(R"({"id":"item)") + QByteArray::number(i) + R"(","v":1.50})";
    large += "]";
    const auto big = parser.parseInPlace(large);
    QVERIFY(big.ok());
    QCOMPARE(serialize(big.value()), large);
    QCOMPARE(serialize(parser.parse("[true]").value()), QByteArray("[true]"));
}

void TestJsonParser::parseInPlaceMatchesParse_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("plain and escaped strings")
        << QByteArray(R"(["plain","with \"quotes\"","tab\tand\\slash","\u00e9t\u00e9","ends with \\"])");
    QTest::newRow("escaped keys") << QByteArray(R"({"a\"b":1,"c\\":2,"plain":3})");
    QTest::newRow("spaces everywhere") << QByteArray(" { \"a\" : [ 1 , \"x\" , null ] , \"b\" : \"y\" } \n");
    QTest::newRow("scalar") << QByteArray(R"("just text")");
    QTest::newRow("numbers") << QByteArray("[0,-0.0,1.50,2e10,12345678901234567.89]");
}

void TestJsonParser::parseInPlaceMatchesParse()
{
    QFETCH(QByteArray, text);
    const auto copied = parse(text);
    QVERIFY2(copied.ok(), qPrintable(copied.ok() ? QString() : copied.error().text()));
    const QByteArray kept = text; // shares text's buffer: parsing in place must not change it
    const auto inPlace = parseInPlace(text);
    QVERIFY(inPlace.ok());
    QVERIFY(inPlace.value().identical(copied.value()));
    QCOMPARE(text, kept);
    QCOMPARE(text.size(), kept.size());
}

void TestJsonParser::depthLimit()
{
    QCOMPARE(ParseLimits().maxDepth, 200);
    const auto atLimit = parse(nested(200, '[', ']'));
    QVERIFY2(atLimit.ok(), qPrintable(atLimit.ok() ? QString() : atLimit.error().text()));
    const Node *innermost = &atLimit.value();
    for (int level = 1; level < 200; ++level)
        innermost = &innermost->items().at(0);
    QVERIFY(innermost->isArray() && innermost->items().isEmpty());

    const auto overLimit = parse(nested(201, '[', ']'));
    QVERIFY(!overLimit.ok());
    QCOMPARE(overLimit.error().code, ErrorCode::Invalid);
    QVERIFY2(overLimit.error().message.contains(u"200"_s), qPrintable(overLimit.error().message));
    QVERIFY2(overLimit.error().message.contains(u"byte 200"_s), qPrintable(overLimit.error().message));
    // The pointer names the array that is one level too deep.
    QStringList steps(200, u"0"_s);
    QCOMPARE(overLimit.error().field, u'/' + steps.join(u'/'));
}

void TestJsonParser::depthLimitObjects()
{
    QVERIFY(parse(nestedObjects(200)).ok());
    const auto overLimit = parse(nestedObjects(201));
    QVERIFY(!overLimit.ok());
    QStringList steps(200, u"a"_s);
    QCOMPARE(overLimit.error().field, u'/' + steps.join(u'/'));
}

void TestJsonParser::extremeNestingDoesNotCrash_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("reason"); // in the message
    QTest::newRow("10,000 closed arrays") << nested(10000, '[', ']') << u"deeper than 200"_s;
    QTest::newRow("100,000 closed arrays") << nested(100000, '[', ']') << u"deeper than 200"_s;
    QTest::newRow("100,000 objects") << nestedObjects(100000) << u"deeper than 200"_s;
    QByteArray mixed;
    for (int i = 0; i < 50000; ++i)
        mixed += R"([{"k":)";
    mixed += "1";
    for (int i = 0; i < 50000; ++i)
        mixed += "}]";
    QTest::newRow("50,000 mixed") << mixed << u"deeper than 200"_s;
    // Unclosed: refused as malformed before any descent.
    QTest::newRow("100,000 unclosed arrays") << QByteArray(100000, '[') << u"at byte 100000"_s;
    QTest::newRow("unclosed mixed") << mixed.left(300000) << u"at byte 300000"_s;
}

void TestJsonParser::extremeNestingDoesNotCrash()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, reason);
    const auto parsed = parse(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(reason), qPrintable(parsed.error().message));
    // A caller asking for more than the parser's ceiling still gets an error, not a crash.
    ParseLimits generous;
    generous.maxDepth = 1'000'000;
    QVERIFY(!parse(text, generous).ok());
}

void TestJsonParser::customDepthLimit()
{
    ParseLimits limits;
    limits.maxDepth = 3;
    QVERIFY(parse(R"({"a":[{"b":1}]})", limits).ok());
    const auto tooDeep = parse(R"({"a":[{"b":[]}]})", limits);
    QVERIFY(!tooDeep.ok());
    QCOMPARE(tooDeep.error().field, u"/a/0/b"_s);
    limits.maxDepth = 0; // scalars only
    QVERIFY(parse("12", limits).ok());
    QVERIFY(!parse("[]", limits).ok());
}

void TestJsonParser::sizeLimit()
{
    ParseLimits limits;
    limits.maxBytes = 16;
    const QByteArray seventeenBytes = R"({"abc":"0123456"})"; // 17 bytes
    QCOMPARE(seventeenBytes.size(), 17);
    const auto refused = parse(seventeenBytes, limits);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::Invalid);
    QVERIFY2(refused.error().message.contains(u"17"_s) && refused.error().message.contains(u"16"_s),
             qPrintable(refused.error().message));
    limits.maxBytes = 17;
    QVERIFY(parse(seventeenBytes, limits).ok());
    // Checked before parsing: even malformed text gets the size error.
    limits.maxBytes = 4;
    const auto malformedAndLarge = parse("{{{{{{{{", limits);
    QVERIFY(!malformedAndLarge.ok());
    QVERIFY(malformedAndLarge.error().message.contains(u"4"_s));
    QVERIFY(!malformedAndLarge.error().message.contains(u"Malformed"_s));
}

void TestJsonParser::malformed_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::newRow("trailing comma in object") << QByteArray(R"({"a":1,})") << 7;
    QTest::newRow("trailing comma in array") << QByteArray("[1,]") << 3;
    QTest::newRow("missing comma") << QByteArray("[1 2]") << 3;
    QTest::newRow("double comma") << QByteArray("[1,,2]") << 3;
    QTest::newRow("missing colon") << QByteArray(R"({"a" 1})") << 5;
    QTest::newRow("unquoted key") << QByteArray("{a:1}") << 1;
    QTest::newRow("single quotes") << QByteArray("{'a':1}") << 1;
    QTest::newRow("bad literal") << QByteArray(R"({"a":tru})") << 5;
    QTest::newRow("literal with suffix") << QByteArray("[nullx]") << 5;
    QTest::newRow("leading zero") << QByteArray("[01]") << 1;
    QTest::newRow("dot without digits") << QByteArray("[1.]") << 1;
    QTest::newRow("leading dot") << QByteArray("[.5]") << 1;
    QTest::newRow("plus sign") << QByteArray("+1") << 0;
    QTest::newRow("exponent without digits") << QByteArray("[1e]") << 1;
    QTest::newRow("minus alone") << QByteArray("[-]") << 1;
    QTest::newRow("NaN") << QByteArray("[NaN]") << 1;
    QTest::newRow("text after object") << QByteArray(R"({"a":1} x)") << 8;
    QTest::newRow("second document") << QByteArray("[1][2]") << 3;
    QTest::newRow("extra closing brace") << QByteArray(R"({"a":1}})") << 7;
    QTest::newRow("scalar then garbage") << QByteArray("1 2") << 2;
    QTest::newRow("string then garbage") << QByteArray(R"("a" "b")") << 4;
    QTest::newRow("unclosed array") << QByteArray("[1,2") << 4;
    QTest::newRow("unclosed inner array") << QByteArray("[[1]") << 4;
    QTest::newRow("unclosed object") << QByteArray(R"({"a":{"b":1})") << 12;
    QTest::newRow("unclosed string") << QByteArray(R"(["abc)") << 1;
    QTest::newRow("closing bracket only") << QByteArray("]") << 0;
    QTest::newRow("mismatched brackets") << QByteArray(R"({"a":[1}])") << 7;
    QTest::newRow("invalid escape") << QByteArray(R"(["a\x"])") << 3;
    QTest::newRow("short unicode escape") << QByteArray(R"(["\u12"])") << 2;
    QTest::newRow("raw tab in string") << QByteArray("[\"tab\there\"]") << 5;
    QTest::newRow("raw newline in key") << QByteArray("{\"a\nb\":1}") << 3;
    QTest::newRow("byte order mark") << QByteArray("\xef\xbb\xbf{}") << 0;
    QTest::newRow("comment") << QByteArray("[1 /* no */]") << 3;
}

void TestJsonParser::malformed()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    const auto parsed = parse(text);
    QVERIFY(!parsed.ok());
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    const QString expected = u"at byte %1:"_s.arg(offset);
    QVERIFY2(parsed.error().message.contains(expected), qPrintable(parsed.error().message + u" -- wanted "_s + expected));
}

void TestJsonParser::unicodeEscapes()
{
    const auto parsed = parse(R"(["\u00e9", "\ud83d\ude00", "\u0000x", "é😀", "\"\\\/\b\f\n\r\t", "\uD834\uDD1E"])");
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
    const QList<Node> &items = parsed.value().items();
    QCOMPARE(items.size(), 6);
    QCOMPARE(items.at(0).text(), u"é"_s);
    QCOMPARE(items.at(1).text(), u"😀"_s);
    QCOMPARE(items.at(1).text().size(), 2); // a surrogate pair in UTF-16
    QCOMPARE(items.at(2).text(), QString(QChar(u'\0')) + u'x');
    QCOMPARE(items.at(3).text(), u"é😀"_s);
    QCOMPARE(items.at(4).text(), u"\"\\/\b\f\n\r\t"_s);
    QCOMPARE(items.at(5).text(), u"𝄞"_s);
    // Escaped keys too.
    const auto withKey = parse(R"({"caf\u00e9":1})");
    QVERIFY(withKey.ok());
    QCOMPARE(keysOf(withKey.value()), QStringList{u"café"_s});
}

void TestJsonParser::unpairedSurrogates_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("lone high") << QByteArray(R"(["\ud800"])");
    QTest::newRow("lone low") << QByteArray(R"(["\udc00"])");
    QTest::newRow("high then letter") << QByteArray(R"(["\ud800\u0041"])");
    QTest::newRow("high at end of key") << QByteArray(R"({"\ud83d":1})");
}

void TestJsonParser::unpairedSurrogates()
{
    QFETCH(QByteArray, text);
    const auto parsed = parse(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(u"surrogate"_s), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(u"at byte 2:"_s), qPrintable(parsed.error().message));
}

void TestJsonParser::invalidUtf8_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("offset");
    QTest::newRow("0xff") << QByteArray("[\"ab\xff\"]") << 4;
    QTest::newRow("overlong slash") << QByteArray("[\"\xc0\xaf\"]") << 2;
    QTest::newRow("encoded surrogate") << QByteArray("[\"x\xed\xa0\x80\"]") << 3;
    QTest::newRow("truncated sequence") << QByteArray("{\"k\":\"\xe2\x82\"}") << 6;
    QTest::newRow("above U+10FFFF") << QByteArray("[\"\xf4\x90\x80\x80\"]") << 2;
    QTest::newRow("in a key") << QByteArray("{\"\x80\":1}") << 2;
}

void TestJsonParser::invalidUtf8()
{
    QFETCH(QByteArray, text);
    QFETCH(int, offset);
    const auto parsed = parse(text);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(u"UTF-8"_s), qPrintable(parsed.error().message));
    QVERIFY2(parsed.error().message.contains(u"at byte %1:"_s.arg(offset)), qPrintable(parsed.error().message));
}

void TestJsonParser::topLevelNullForCreate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("whitespace") << QByteArray(" \n\t\r ");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("null with spaces") << QByteArray("  null\n");
}

void TestJsonParser::topLevelNullForCreate()
{
    QFETCH(QByteArray, text);
    const auto parsed = parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
    QVERIFY(parsed.value().isNull());
    QCOMPARE(parsed.value().kind(), Node::Kind::Null);
    QCOMPARE(serialize(parsed.value()), QByteArray("null"));
    QVERIFY(parse(QByteArrayView()).ok());
}

void TestJsonParser::topLevelScalars()
{
    const auto number = parse(" -0.0e+1 ");
    QVERIFY(number.ok() && number.value().isNumber());
    QCOMPARE(number.value().text(), u"-0.0e+1"_s);
    const auto text = parse(R"("x\ny")");
    QVERIFY(text.ok() && text.value().isString());
    QCOMPARE(text.value().text(), u"x\ny"_s);
    const auto flag = parse("false");
    QVERIFY(flag.ok() && flag.value().isBool());
    QCOMPARE(flag.value().toBool(), false);
    QVERIFY(parse("true").value().toBool());
    QVERIFY(parse("true ").value().toBool());
    QVERIFY(!parse(" false\n").value().toBool());
    QVERIFY(parse("[null ,true ,false ]").ok());
    QVERIFY(!parse("nul").ok());
    QVERIFY(!parse("null x").ok());
    QVERIFY(!parse("truth").ok());
}

void TestJsonParser::numbersKeepTheirText()
{
    const auto parsed = parse(R"({"amount":12345678901234567.89,"small":1.5E-300,"int":-0,"big":1e400,"plain":100.0})");
    QVERIFY(parsed.ok());
    const Node &root = parsed.value();
    QCOMPARE(root.member(u"amount"_s)->text(), u"12345678901234567.89"_s);
    QCOMPARE(root.member(u"small"_s)->text(), u"1.5E-300"_s);
    QCOMPARE(root.member(u"int"_s)->text(), u"-0"_s);
    QCOMPARE(root.member(u"big"_s)->text(), u"1e400"_s);
    QCOMPARE(root.member(u"plain"_s)->text(), u"100.0"_s);
    // Decimal-exact, not double: .88 and .89 are the same double.
    const Node near = parse("12345678901234567.88").value();
    QVERIFY(!root.member(u"amount"_s)->sameValue(near));
    QVERIFY(root.member(u"amount"_s)->sameValue(parse("1234567890123456789e-2").value()));
}

void TestJsonParser::sameValueVersusIdentical()
{
    const Node hundredPointZero = parse(R"({"n":100.0})").value();
    const Node hundred = parse(R"({"n":100})").value();
    QVERIFY(hundredPointZero.sameValue(hundred));
    QVERIFY(!hundredPointZero.identical(hundred)); // a formatting-only difference
    QVERIFY(hundredPointZero.sameValue(parse(R"({"n":1.00E+2})").value()));
    QVERIFY(!hundredPointZero.sameValue(parse(R"({"n":100.01})").value()));

    const Node ordered = parse(R"({"a":1,"b":[1,2]})").value();
    const Node reordered = parse(R"({"b":[1,2],"a":1})").value();
    QVERIFY(ordered.sameValue(reordered));
    QVERIFY(!ordered.identical(reordered));
    QVERIFY(!ordered.sameValue(parse(R"({"a":1,"b":[2,1]})").value())); // arrays are ordered
    QVERIFY(!ordered.sameValue(parse(R"({"a":1})").value()));
    QVERIFY(!ordered.sameValue(parse(R"({"a":1,"c":[1,2]})").value()));
    QVERIFY(!parse("1").value().sameValue(parse(R"("1")").value()));
    QVERIFY(!parse("null").value().sameValue(parse("false").value()));
    QVERIFY(ordered.identical(parse(R"({ "a" : 1 , "b" : [ 1 , 2 ] })").value()));

    // Large objects (indexed comparison) behave the same.
    QList<Node::Member> forward, backward;
    for (int i = 0; i < 50; ++i) {
        forward.append({u"k%1"_s.arg(i), Node::number(QString::number(i))});
        backward.prepend({u"k%1"_s.arg(i), Node::number(QString::number(i) + u".0"_s)});
    }
    QVERIFY(Node::object(forward).sameValue(Node::object(backward)));
    backward.first().second = Node::number(u"7"_s);
    QVERIFY(!Node::object(forward).sameValue(Node::object(backward)));
}

void TestJsonParser::roundTrip()
{
    const QByteArray text = R"({"id":"c-1","amount":12345678901234567.89,"rate":1.50,"exp":-2.5E+10,)"
                            R"("flags":[true,false,null],"nested":{"z":{},"a":[],"s":"quote \" slash \\ é \u0001"},)"
                            R"("emoji":"😀","zero":-0})";
    const auto parsed = parse(text);
    QVERIFY2(parsed.ok(), qPrintable(parsed.ok() ? QString() : parsed.error().text()));
    for (const bool indented : {false, true}) {
        const QByteArray written = serialize(parsed.value(), indented);
        const auto reparsed = parse(written);
        QVERIFY2(reparsed.ok(), written.constData());
        QVERIFY2(reparsed.value().identical(parsed.value()), written.constData());
    }
    QCOMPARE(serialize(parsed.value()),
             QByteArray(R"({"id":"c-1","amount":12345678901234567.89,"rate":1.50,"exp":-2.5E+10,)"
                        R"("flags":[true,false,null],"nested":{"z":{},"a":[],"s":"quote \" slash \\ é \u0001"},)"
                        R"("emoji":"😀","zero":-0})"));
}

void TestJsonParser::serializeEscapes()
{
    QString controls;
    for (char16_t c = 0; c < 0x20; ++c)
        controls.append(QChar(c));
    const Node node = Node::string(u"\"\\/"_s + controls);
    const QByteArray written = serialize(node);
    QCOMPARE(written,
             QByteArray(R"("\"\\/\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f)"
                        R"(\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f")"));
    const auto back = parse(written);
    QVERIFY(back.ok());
    QVERIFY(back.value().identical(node));
    // Keys are escaped the same way.
    const Node object = Node::object({{u"a\"b\n"_s, Node::null()}});
    QCOMPARE(serialize(object), QByteArray(R"({"a\"b\n":null})"));
}

void TestJsonParser::serializeIndented()
{
    const Node node = parse(R"({"b":[1,{"c":2.50}],"a":{},"e":[]})").value();
    QCOMPARE(serialize(node, true), QByteArray("{\n"
                                               "    \"b\": [\n"
                                               "        1,\n"
                                               "        {\n"
                                               "            \"c\": 2.50\n"
                                               "        }\n"
                                               "    ],\n"
                                               "    \"a\": {},\n"
                                               "    \"e\": []\n"
                                               "}"));
}

void TestJsonParser::editing()
{
    Node node = parse(R"({"a":1,"b":2,"c":3})").value();
    node.setMember(u"b"_s, Node::string(u"two"_s));
    node.setMember(u"d"_s, Node::boolean(true));
    QCOMPARE(serialize(node), QByteArray(R"({"a":1,"b":"two","c":3,"d":true})"));
    QVERIFY(node.removeMember(u"a"_s));
    QVERIFY(!node.removeMember(u"a"_s));
    QCOMPARE(node.size(), 3);
    QCOMPARE(node.member(u"missing"_s), nullptr);
    QCOMPARE(Node::number(u"1"_s).size(), 0);
    QCOMPARE(kindName(Node::Kind::Bool), u"boolean"_s);
    QCOMPARE(kindName(node.kind()), u"object"_s);
}

void TestJsonParser::qtJsonConversions()
{
    const Node node = parse(R"({"z":9007199254740993,"a":[1.5,"s",null,true]})").value();
    const QJsonValue qt = toQJsonValue(node);
    QCOMPARE(qt.toObject().value(u"z"_s).toInteger(), Q_INT64_C(9007199254740993));
    const Node back = fromQJsonValue(qt);
    // Qt sorted the keys; the values survive.
    QCOMPARE(keysOf(back), (QStringList{u"a"_s, u"z"_s}));
    QVERIFY(back.sameValue(node));
    QVERIFY(!back.identical(node));
}

QTEST_GUILESS_MAIN(TestJsonParser)
#include "tst_jsonparser.moc"
