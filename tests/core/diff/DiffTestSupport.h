#pragma once

// Shared by the diff tests: JSON literals as documents, and the sample pairs every
// semantic test also round-trips through JSON Patch.

#include "json/JsonParser.h"

#include <QByteArray>
#include <QList>
#include <QTest>

#include <memory>

namespace steward::testing {

inline json::Node parseJson(QByteArrayView text)
{
    auto parsed = json::parse(text);
    if (!parsed)
        qFatal("test JSON does not parse: %s", qPrintable(parsed.error().text()));
    return parsed.value();
}

inline std::shared_ptr<const json::Node> document(QByteArrayView text)
{
    return std::make_shared<const json::Node>(parseJson(text));
}

// {"items":[{"id":"item-0","name":"Item 0","amount":0}, ...]}
inline QByteArray identityItems(int count, int firstId = 0)
{
    QByteArray text = "{\"items\":[";
    for (int i = 0; i < count; ++i) {
        const QByteArray id = QByteArray::number(firstId + i);
        if (i > 0)
            text += ',';
        text += "{\"id\":\"item-" + id + "\",\"name\":\"Item " + id + "\",\"amount\":" + id + "}";
    }
    return text + "]}";
}

struct SamplePair
{
    const char *name;
    QByteArray before;
    QByteArray after;
};

inline QByteArray insertedAtHead()
{
    QByteArray text = identityItems(50);
    return text.replace("\"items\":[", "\"items\":[{\"id\":\"new\",\"name\":\"New\",\"amount\":1},");
}

// Item 5 of ten moves to the front and is renamed on the way.
inline QByteArray movedWithEdit()
{
    QByteArray text = "{\"items\":[{\"id\":\"item-5\",\"name\":\"Renamed\",\"amount\":5}";
    for (int i = 0; i < 10; ++i) {
        if (i != 5)
            text += ",{\"id\":\"item-" + QByteArray::number(i) + "\",\"name\":\"Item " + QByteArray::number(i) +
                    "\",\"amount\":" + QByteArray::number(i) + "}";
    }
    return text + "]}";
}

inline const QByteArray kLongBefore =
    "{\"description\":\"The gross amount of an invoice line before discounts and taxes, in the "
    "currency of the ledger, rounded half-even to two decimals.\"}";
inline const QByteArray kLongAfter =
    "{\"description\":\"The net amount of an invoice line after discounts and before taxes, in the "
    "currency of the ledger, rounded half-even to two decimals.\"}";

inline QList<SamplePair> samplePairs()
{
    return {
        {"insert at head", identityItems(50), insertedAtHead()},
        {"move with edit", identityItems(10), movedWithEdit()},
        {"decimal change", "{\"amount\":12345678901234567.89}", "{\"amount\":12345678901234567.88}"},
        {"decimal formatting", "{\"amount\":12345678901234567.89}", "{\"amount\":12345678901234567.890}"},
        {"number formats", "{\"a\":100,\"b\":1e2,\"c\":-0}", "{\"a\":100.0,\"b\":100,\"c\":0}"},
        {"member order", "{\"a\":1,\"b\":2,\"c\":3,\"d\":4}", "{\"d\":4,\"b\":2,\"x\":9,\"a\":1}"},
        {"member added in the middle", "{\"a\":1,\"b\":{\"x\":[1,2]},\"c\":3}",
         "{\"a\":1,\"new\":true,\"b\":{\"x\":[1,2,3]},\"c\":3}"},
        {"type change", "{\"v\":1,\"w\":{\"a\":1},\"n\":null}", "{\"v\":\"1\",\"w\":[1],\"n\":false}"},
        {"create", "null", "{\"canonicalKey\":\"gl.amount\",\"name\":\"Amount\",\"tags\":[\"a\",\"b\"]}"},
        {"delete", "{\"canonicalKey\":\"gl.amount\"}", "null"},
        {"scalar array", "{\"tags\":[\"a\",\"b\",\"c\",\"d\"]}", "{\"tags\":[\"z\",\"a\",\"c\",\"d\",\"e\"]}"},
        {"numbers in array", "[1,2,3,4]", "[1.0,2,5,4,3]"},
        {"objects without identity", "[{\"a\":1},{\"b\":2},{\"c\":3}]", "[{\"z\":0},{\"a\":1},{\"b\":2.0},{\"c\":4}]"},
        {"long string", kLongBefore, kLongAfter},
        {"unicode and escapes", "{\"a/b\":\"Grüße\",\"~\":\"😀\",\"\":1}",
         "{\"~\":\"😀!\",\"a/b\":\"Grüße\",\"日本\":[],\"\":2}"},
        {"root array reordered", "[1,2,3,4,5,6]", "[6,1,2,4,3,5,7]"},
        {"root scalar", "\"x\"", "5"},
        {"empty containers", "{\"a\":{},\"b\":[]}", "{\"a\":{\"x\":[]},\"b\":[{}]}"},
        {"identity array shuffled",
         "{\"l\":[{\"code\":\"a\",\"v\":1},{\"code\":\"b\",\"v\":2},{\"code\":\"c\",\"v\":3},{\"code\":\"d\",\"v\":4}]"
         "}",
         "{\"l\":[{\"code\":\"d\",\"v\":4},{\"code\":\"c\",\"v\":3},{\"code\":\"e\"},{\"code\":\"a\",\"v\":1.5}]}"},
        {"duplicates", "[1,1,2,2,1]", "[2,1,1,1,2,2]"},
    };
}

} // namespace steward::testing
