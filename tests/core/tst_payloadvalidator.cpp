// What a steward is told when a request is malformed: the field and the reason.

#include "TestDatabase.h"
#include "approval/PayloadValidator.h"

#include <QJsonDocument>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

const QUuid kTenant(u"0d6a8f52-4a7b-4c1e-9f3d-5b2e7c9a1f00"_s);

QJsonObject with(QJsonObject object, const QString &key, const QJsonValue &value)
{
    object.insert(key, value);
    return object;
}

QJsonObject without(QJsonObject object, const QString &key)
{
    object.remove(key);
    return object;
}

QJsonObject stored(const QJsonObject &payload)
{
    return with(payload, u"tenantId"_s, uuidText(kTenant));
}

QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class PayloadValidatorTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void validate_data();
    void validate();
    void changeRequestParsing_data();
    void changeRequestParsing();
    void changeRequestDefaultsAndRoundTrip();
};

void PayloadValidatorTest::validate_data()
{
    QTest::addColumn<QString>("entityType");
    QTest::addColumn<QString>("entityKey");
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<QJsonObject>("currentState"); // empty: a create
    QTest::addColumn<QString>("field");            // empty: accepted
    QTest::addColumn<QString>("reason");

    const QString fieldKey = u"orders.amount"_s;
    const QJsonObject field = fieldPayload(fieldKey, Tier::Tier3);
    const QJsonObject binding = field.value(u"binding"_s).toObject();
    const QString gm = u"GLOBAL_METADATA"_s;
    const QJsonObject none;

    QTest::newRow("field: complete") << gm << fieldKey << field << none << QString() << QString();
    QTest::newRow("field: minimal") << gm << fieldKey
                                    << QJsonObject{{u"canonicalKey"_s, fieldKey}, {u"label"_s, u"Amount"_s}} << none
                                    << QString() << QString();
    QTest::newRow("field: own tenant") << gm << fieldKey << stored(field) << none << QString() << QString();
    QTest::newRow("field: unknown field") << gm << fieldKey << with(field, u"colour"_s, u"red"_s) << none << u"colour"_s
                                          << u"is not a field of GLOBAL_METADATA"_s;
    QTest::newRow("field: other tenant") << gm << fieldKey
                                         << with(field, u"tenantId"_s, u"7e3b1c44-2d9f-4a60-8b15-c6a0f9d2e7b3"_s)
                                         << none << u"tenantId"_s << u"does not match the tenant"_s;
    QTest::newRow("field: key mismatch") << gm << fieldKey << with(field, u"canonicalKey"_s, u"orders.total"_s) << none
                                         << u"canonicalKey"_s << u"orders.amount"_s;
    QTest::newRow("field: tier mismatch")
        << gm << fieldKey << with(field, u"tier"_s, u"tier1"_s) << none << u"tier"_s << u"tier3"_s;
    QTest::newRow("field: no such tier") << gm << fieldKey << with(field, u"tier"_s, u"gold"_s) << none << u"tier"_s
                                         << u"tier1 .. tier5"_s;
    QTest::newRow("field: bad key") << gm << u"1orders"_s << with(field, u"canonicalKey"_s, u"1orders"_s) << none
                                    << u"entityKey"_s << u"start with a letter"_s;
    QTest::newRow("field: data type MONEY") << gm << fieldKey << with(field, u"dataType"_s, u"MONEY"_s) << none
                                            << u"dataType"_s << u"DECIMAL, INTEGER, TEXT, DATE, TIMESTAMP, BOOLEAN"_s;
    QTest::newRow("field: DECIMAL 40,2") << gm << fieldKey << with(field, u"format"_s, u"40,2"_s) << none << u"format"_s
                                         << u"precision"_s;
    QTest::newRow("field: DECIMAL 18.2") << gm << fieldKey << with(field, u"format"_s, u"18.2"_s) << none << u"format"_s
                                         << u"precision,scale"_s;
    QTest::newRow("field: DECIMAL scale > precision")
        << gm << fieldKey << with(field, u"format"_s, u"4,6"_s) << none << u"format"_s << u"scale <= precision"_s;
    QTest::newRow("field: DECIMAL 38,38")
        << gm << fieldKey << with(field, u"format"_s, u"38,38"_s) << none << QString() << QString();
    QTest::newRow("field: TEXT 40") << gm << fieldKey
                                    << with(with(field, u"dataType"_s, u"TEXT"_s), u"format"_s, u"40"_s) << none
                                    << QString() << QString();
    QTest::newRow("field: binding as text") << gm << fieldKey << with(field, u"binding"_s, u"warehouse.orders.amount"_s)
                                            << none << u"binding"_s << u"object"_s;
    QTest::newRow("field: binding without column")
        << gm << fieldKey << with(field, u"binding"_s, without(binding, u"column"_s)) << none << u"binding/column"_s
        << u"is required"_s;
    QTest::newRow("field: binding with password")
        << gm << fieldKey << with(field, u"binding"_s, with(binding, u"password"_s, u"hunter2"_s)) << none
        << u"binding/password"_s << u"is not part of a binding"_s;
    QTest::newRow("field: binding with schema")
        << gm << fieldKey << with(field, u"binding"_s, with(binding, u"schema"_s, u"sales"_s)) << none << QString()
        << QString();
    // A NUL character is valid JSON (\u0000) but cut off by SQL tools and reports.
    const QString withNul = u"Am"_s + QChar(0) + u"ount"_s;
    QTest::newRow("field: NUL in a text field") << gm << fieldKey << with(field, u"label"_s, withNul) << none
                                                << u"label"_s << u"NUL character"_s;
    QTest::newRow("field: NUL in the binding")
        << gm << fieldKey << with(field, u"binding"_s, with(binding, u"column"_s, withNul)) << none
        << u"binding/column"_s << u"NUL character"_s;
    QTest::newRow("field: NUL in a member name") << gm << fieldKey << with(field, withNul, u"x"_s) << none
                                                 << withNul << u"NUL character"_s;
    QTest::newRow("field: no label") << gm << fieldKey << without(field, u"label"_s) << none << u"label"_s
                                     << u"is required"_s;
    QTest::newRow("field: blank label") << gm << fieldKey << with(field, u"label"_s, u"   "_s) << none << u"label"_s
                                        << u"is required"_s;
    QTest::newRow("field: numeric label")
        << gm << fieldKey << with(field, u"label"_s, 42) << none << u"label"_s << u"must be a string"_s;
    QTest::newRow("field: unknown status") << gm << fieldKey << with(field, u"status"_s, u"live"_s) << none
                                           << u"status"_s << u"draft, active, deprecated"_s;
    QTest::newRow("field update: partial")
        << gm << fieldKey << QJsonObject{{u"label"_s, u"Gross amount"_s}} << stored(field) << QString() << QString();
    QTest::newRow("field update: clears label") << gm << fieldKey << QJsonObject{{u"label"_s, QJsonValue::Null}}
                                                << stored(field) << u"label"_s << u"is required"_s;
    // Cross-field: the live DECIMAL type makes the new format wrong.
    QTest::newRow("field update: format against live type")
        << gm << fieldKey << QJsonObject{{u"format"_s, u"40,2"_s}} << stored(field) << u"format"_s << u"precision"_s;

    const QString kpiKey = u"kpi.aov"_s;
    const QJsonObject kpi = kpiPayload(kpiKey, Tier::Tier3);
    QTest::newRow("kpi: complete") << u"KPI"_s << kpiKey << kpi << none << QString() << QString();
    QTest::newRow("kpi: no formula") << u"KPI"_s << kpiKey << without(kpi, u"formula"_s) << none << u"formula"_s
                                     << u"is required"_s;
    QTest::newRow("kpi: field of another type") << u"KPI"_s << kpiKey << with(kpi, u"dataType"_s, u"DECIMAL"_s) << none
                                                << u"dataType"_s << u"is not a field of KPI"_s;
    QTest::newRow("kpi: dependsOn object") << u"KPI"_s << kpiKey << with(kpi, u"dependsOn"_s, QJsonObject()) << none
                                           << u"dependsOn"_s << u"array of strings"_s;
    QTest::newRow("kpi: dependsOn empty key")
        << u"KPI"_s << kpiKey << with(kpi, u"dependsOn"_s, QJsonArray{u"orders.amount"_s, u""_s}) << none
        << u"dependsOn/1"_s << u"non-empty string"_s;
    QTest::newRow("kpi: other tenant") << u"KPI"_s << kpiKey
                                       << with(kpi, u"tenantId"_s, u"7e3b1c44-2d9f-4a60-8b15-c6a0f9d2e7b3"_s) << none
                                       << u"tenantId"_s << u"does not match"_s;

    const QString ruleKey = u"rule.orders.amount"_s;
    const QJsonObject rule = rulePayload(ruleKey, fieldKey);
    const QString br = u"BUSINESS_RULE"_s;
    auto ruleOf = [&](const QString &type, const QJsonObject &definition) {
        return with(with(rule, u"ruleType"_s, type), u"definition"_s, definition);
    };
    QTest::newRow("rule: range") << br << ruleKey << rule << none << QString() << QString();
    QTest::newRow("rule: regex") << br << ruleKey << ruleOf(u"regex"_s, parse(R"({"pattern": "^[A-Z]{3}$"})")) << none
                                 << QString() << QString();
    QTest::newRow("rule: regex invalid") << br << ruleKey << ruleOf(u"regex"_s, parse(R"({"pattern": "([a-z"})"))
                                         << none << u"definition/pattern"_s << u"not a valid regular expression"_s;
    QTest::newRow("rule: regex longer than 1000 characters")
        << br << ruleKey << ruleOf(u"regex"_s, QJsonObject{{u"pattern"_s, QString(1001, u'a')}}) << none
        << u"definition/pattern"_s << u"more than the limit of 1000"_s;
    QTest::newRow("rule: regex of 1000 characters") << br << ruleKey
                                                    << ruleOf(u"regex"_s, QJsonObject{{u"pattern"_s, QString(1000, u'a')}})
                                                    << none << QString() << QString();
    QTest::newRow("rule: regex without pattern") << br << ruleKey << ruleOf(u"regex"_s, QJsonObject()) << none
                                                 << u"definition/pattern"_s << u"needs a pattern"_s;
    QTest::newRow("rule: range min > max") << br << ruleKey << ruleOf(u"range"_s, parse(R"({"min": 10, "max": 1})"))
                                           << none << u"definition"_s << u"min must not exceed max"_s;
    QTest::newRow("rule: range min = max")
        << br << ruleKey << ruleOf(u"range"_s, parse(R"({"min": 1, "max": 1})")) << none << QString() << QString();
    QTest::newRow("rule: range text bound") << br << ruleKey << ruleOf(u"range"_s, parse(R"({"min": "0", "max": 10})"))
                                            << none << u"definition"_s << u"must be numbers"_s;
    QTest::newRow("rule: range without bounds") << br << ruleKey << ruleOf(u"range"_s, QJsonObject()) << none
                                                << u"definition"_s << u"numeric min, max or both"_s;
    QTest::newRow("rule: enum") << br << ruleKey << ruleOf(u"enum"_s, parse(R"({"values": ["EUR", "USD"]})")) << none
                                << QString() << QString();
    QTest::newRow("rule: enum empty") << br << ruleKey << ruleOf(u"enum"_s, parse(R"({"values": []})")) << none
                                      << u"definition/values"_s << u"non-empty list"_s;
    QTest::newRow("rule: not_null") << br << ruleKey << without(ruleOf(u"not_null"_s, {}), u"definition"_s) << none
                                    << QString() << QString();
    QTest::newRow("rule: unknown type") << br << ruleKey << with(rule, u"ruleType"_s, u"fuzzy"_s) << none
                                        << u"ruleType"_s << u"not_null, unique, regex, range, enum"_s;
    QTest::newRow("rule: applies to nothing")
        << br << ruleKey << without(rule, u"appliesTo"_s) << none << u"appliesTo"_s << u"is required"_s;
    QTest::newRow("rule: unknown severity") << br << ruleKey << with(rule, u"severity"_s, u"catastrophic"_s) << none
                                            << u"severity"_s << u"info, warning, error, critical"_s;
    QTest::newRow("rule: definition array") << br << ruleKey << with(rule, u"definition"_s, QJsonArray{1, 2}) << none
                                            << u"definition"_s << u"must be a JSON object"_s;

    const QString termKey = u"term.order"_s;
    const QJsonObject term = glossaryPayload(termKey);
    QTest::newRow("glossary: complete") << u"GLOSSARY"_s << termKey << term << none << QString() << QString();
    QTest::newRow("glossary: related keys")
        << u"GLOSSARY"_s << termKey << with(term, u"relatedKeys"_s, QJsonArray{u"orders.amount"_s}) << none << QString()
        << QString();
    QTest::newRow("glossary: no definition")
        << u"GLOSSARY"_s << termKey << without(term, u"definition"_s) << none << u"definition"_s << u"is required"_s;
    QTest::newRow("glossary: blank definition") << u"GLOSSARY"_s << termKey << with(term, u"definition"_s, u" "_s)
                                                << none << u"definition"_s << u"is required"_s;
    QTest::newRow("glossary: empty synonym")
        << u"GLOSSARY"_s << termKey << with(term, u"synonyms"_s, QJsonArray{u"sales order"_s, u""_s}) << none
        << u"synonyms/1"_s << u"non-empty string"_s;
    QTest::newRow("glossary: field of another type") << u"GLOSSARY"_s << termKey << with(term, u"label"_s, u"x"_s)
                                                     << none << u"label"_s << u"is not a field of GLOSSARY"_s;
    QTest::newRow("glossary update: definition kept")
        << u"GLOSSARY"_s << termKey << QJsonObject{{u"synonyms"_s, QJsonArray{u"PO"_s}}} << stored(term) << QString()
        << QString();
    QTest::newRow("glossary: NUL in a synonym")
        << u"GLOSSARY"_s << termKey << with(term, u"synonyms"_s, QJsonArray{u"PO"_s, withNul}) << none
        << u"synonyms/1"_s << u"NUL character"_s;
}

void PayloadValidatorTest::validate()
{
    QFETCH(QString, entityType);
    QFETCH(QString, entityKey);
    QFETCH(QJsonObject, payload);
    QFETCH(QJsonObject, currentState);
    QFETCH(QString, field);
    QFETCH(QString, reason);

    const auto type = entityTypeFromString(entityType);
    QVERIFY(type.has_value());
    PayloadValidator::Context context;
    context.type = *type;
    context.tenantId = kTenant;
    context.entityKey = entityKey;
    context.tier = Tier::Tier3;
    if (!currentState.isEmpty())
        context.currentState = json::fromQJsonValue(currentState);

    const Status result = PayloadValidator::validate(context, json::fromQJsonValue(payload));
    if (field.isEmpty()) {
        QVERIFY2(!result, qPrintable(describe(result)));
        return;
    }
    QVERIFY2(result.has_value(), "accepted a payload that should be refused");
    QCOMPARE(result->code, ErrorCode::Invalid);
    QCOMPARE(result->field, field);
    QVERIFY2(result->message.contains(reason), qPrintable(result->message));
    // What a user reads names the field first.
    QVERIFY(result->text().startsWith(field + u": "_s));
}

void PayloadValidatorTest::changeRequestParsing_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("field"); // empty: refused as a whole document
    QTest::addColumn<QString>("reason");

    QTest::newRow("malformed") << QByteArray(R"({"entityType": "KPI", )") << QString() << u"malformed JSON"_s;
    QTest::newRow("not an object") << QByteArray("[1, 2]") << QString() << u"JSON object"_s;
    QTest::newRow("unknown top-level field")
        << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov", "tier": "tier3", "lane": "governed",
                         "payload": {}, "priority": "urgent"})")
        << u"priority"_s << u"unknown field"_s;
    // current_state is the service's to take, never the caller's to give.
    QTest::newRow("current state from caller")
        << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov", "tier": "tier3", "lane": "governed",
                         "payload": {}, "currentState": {"label": "forged"}})")
        << u"currentState"_s << u"unknown field"_s;
    QTest::newRow("bad tier") << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov", "tier": "tier9",
                                               "lane": "governed", "payload": {}})")
                              << u"tier"_s << u"tier1 .. tier5"_s;
    QTest::newRow("missing tier") << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov",
                                                   "lane": "governed", "payload": {}})")
                                  << u"tier"_s << u"tier1 .. tier5"_s;
    QTest::newRow("bad lane") << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov", "tier": "tier3",
                                               "lane": "fast", "payload": {}})")
                              << u"lane"_s << u"kernel, governed or draft"_s;
    QTest::newRow("bad entity type") << QByteArray(R"({"entityType": "TABLE", "entityKey": "kpi.aov",
                                                      "tier": "tier3", "lane": "governed", "payload": {}})")
                                     << u"entityType"_s << u"GLOBAL_METADATA"_s;
    QTest::newRow("bad entity id") << QByteArray(R"({"entityType": "KPI", "entityId": "42", "entityKey": "kpi.aov",
                                                    "tier": "tier3", "lane": "governed", "payload": {}})")
                                   << u"entityId"_s << u"UUID"_s;
    QTest::newRow("no entity key") << QByteArray(R"({"entityType": "KPI", "tier": "tier3", "lane": "governed",
                                                    "payload": {}})")
                                   << u"entityKey"_s << u"is required"_s;
    QTest::newRow("payload array") << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov", "tier": "tier3",
                                                    "lane": "governed", "payload": []})")
                                   << u"payload"_s << u"JSON object"_s;
    QTest::newRow("bad role") << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov", "tier": "tier3",
                                               "lane": "governed", "payload": {}, "requiredRole": "admin"})")
                              << u"requiredRole"_s << u"kernel_architect"_s;
    QTest::newRow("requester not text") << QByteArray(R"({"entityType": "KPI", "entityKey": "kpi.aov",
                                                         "tier": "tier3", "lane": "governed", "payload": {},
                                                         "requestedBy": 42})")
                                        << u"requestedBy"_s << u"user id"_s;
}

void PayloadValidatorTest::changeRequestParsing()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, field);
    QFETCH(QString, reason);

    const auto parsed = ChangeRequest::fromJsonText(json);
    QVERIFY2(!parsed, "accepted a request that should be refused");
    QCOMPARE(parsed.error().code, ErrorCode::Invalid);
    QCOMPARE(parsed.error().field, field);
    QVERIFY2(parsed.error().message.contains(reason, Qt::CaseInsensitive), qPrintable(parsed.error().message));
}

void PayloadValidatorTest::changeRequestDefaultsAndRoundTrip()
{
    const auto governed = ChangeRequest::fromJsonText(R"({"entityType": "GLOSSARY", "entityId": null,
        "entityKey": "term.order", "tier": "tier3", "lane": "governed", "payload": {"term": "Order"}})");
    STEWARD_VERIFY_OK(governed);
    QCOMPARE(toString(governed.value().entityType), u"GLOSSARY"_s);
    QVERIFY(governed.value().entityId.isNull());
    QCOMPARE(toString(governed.value().requiredRole), u"metadata_steward"_s);
    QVERIFY(governed.value().requestedBy.isEmpty());

    const auto update = ChangeRequest::fromJsonText(R"({"entityType": "KPI",
        "entityId": "2b6f0f6e-0c1d-4d2e-9a8b-3f4e5d6c7b8a", "entityKey": "kpi.aov", "tier": "tier1",
        "lane": "kernel_only", "payload": {"formula": "a / b"}, "requestedBy": "otto.owner"})");
    STEWARD_VERIFY_OK(update);
    QCOMPARE(update.value().entityId, QUuid(u"2b6f0f6e-0c1d-4d2e-9a8b-3f4e5d6c7b8a"_s));
    QCOMPARE(toString(update.value().lane), u"kernel"_s);
    QCOMPARE(toString(update.value().requiredRole), u"kernel_architect"_s);
    QCOMPARE(update.value().requestedBy, u"otto.owner"_s);

    // What we write, we read back the same.
    const json::Node written = update.value().toJson();
    QCOMPARE(written.stringMember(u"lane"_s), u"kernel"_s);
    const auto reread = ChangeRequest::fromJson(written);
    STEWARD_VERIFY_OK(reread);
    QVERIFY(reread.value().toJson().identical(written));
}

QTEST_GUILESS_MAIN(PayloadValidatorTest)
#include "tst_payloadvalidator.moc"
