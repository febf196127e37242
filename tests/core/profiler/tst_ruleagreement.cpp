// The payload validator and the profiler read business rules and a field's
// dataType/format alike: a table of rules and formats goes through both, and each is
// accepted by both or refused by both, with the same reason. Rules are written to the
// database directly, as another tool would, so the profiler meets the ones the
// validator refuses too.

#include "../TestDatabase.h"

#include "approval/PayloadValidator.h"
#include "json/JsonParser.h"
#include "profiler/ProfileRunner.h"
#include "profiler/ScanQueryBuilder.h"
#include "store/DataSourceRepository.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace steward;
using namespace steward::profiler;
using namespace steward::testing;
using namespace Qt::StringLiterals;

namespace {

const QString kCodesField = u"wh.codes.v"_s;
const QString kAmountsField = u"wh.amounts.v"_s;
const QString kRuleKey = u"rule.codes.v"_s;

// The values of codes.v: seven non-null (one with a trailing newline), one NULL.
const QList<QVariant> kCodes{u"EUR"_s, u"USD"_s, u"EUR\n"_s, u"12"_s, u"7.5"_s, u"x"_s, u"ab"_s, QVariant()};

json::Node exact(const QByteArray &text)
{
    auto parsed = json::parse(text);
    if (!parsed)
        qFatal("test JSON does not parse: %s", qPrintable(parsed.error().text()));
    return parsed.value();
}

} // namespace

class RuleAgreementTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void rules_data();
    void rules();
    void formats_data();
    void formats();
    void bareDecimalPrecisionIsSubmittedAndProfiledAsScaleZero();

private:
    Status createWarehouse();
    Status storeRule(const QVariant &ruleType, const QByteArray &definition);
    ProfileRun profile(const QString &key);

    TestDatabase m_db;
};

Status RuleAgreementTest::createWarehouse()
{
    const QString path = QFileInfo(m_db.path()).absoluteDir().filePath(u"warehouse.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"agreement-warehouse"_s);
        db.setDatabaseName(path);
        if (!db.open())
            return Error::make(ErrorCode::Unavailable, db.lastError().text());
        QSqlQuery query(db);
        if (!query.exec(u"CREATE TABLE codes (id INTEGER PRIMARY KEY, v TEXT)"_s)
            || !query.exec(u"CREATE TABLE amounts (id INTEGER PRIMARY KEY, v TEXT)"_s)
            || !query.exec(u"INSERT INTO amounts (v) VALUES ('12'), ('12.50'), ('1e2')"_s))
            return Error::make(ErrorCode::Unavailable, query.lastError().text());
        for (const QVariant &value : kCodes) {
            query.prepare(u"INSERT INTO codes (v) VALUES (?)"_s);
            query.addBindValue(value);
            if (!query.exec())
                return Error::make(ErrorCode::Unavailable, query.lastError().text());
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(u"agreement-warehouse"_s);

    DataSource source;
    source.tenantId = TestDatabase::tenantId();
    source.name = u"warehouse"_s;
    source.driver = DataSource::SqliteDriver;
    source.path = path;
    if (auto saved = DataSourceRepository(m_db.fixture()).save(source); !saved)
        return saved.error();
    return std::nullopt;
}

Status RuleAgreementTest::storeRule(const QVariant &ruleType, const QByteArray &definition)
{
    // Another tool's write: no validation, and no CHECK on the rule type either. (The team
    // database's owner writes it, on this test's own database, without that CHECK.)
    const bool team = m_db.isTeamDatabase();
    const QString relax = team ? u"ALTER TABLE mdm_business_rule DROP CONSTRAINT IF EXISTS mdm_business_rule_rule_type_check"_s
                               : u"PRAGMA ignore_check_constraints = ON"_s;
    for (const QString &sql : {relax, u"DELETE FROM mdm_business_rule"_s}) {
        if (auto done = m_db.fixture().run(sql); !done)
            return done.error();
    }
    auto inserted = m_db.fixture().run(
        u"INSERT INTO mdm_business_rule (id, tenant_id, canonical_key, label, applies_to, rule_type, definition, "
        u"severity, status, created_at, updated_at) VALUES (?, ?, ?, 'A rule', ?, ?, ?, 'error', 'active', "
        u"'2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z')"_s,
        {uuidText(QUuid::createUuid()), uuidText(TestDatabase::tenantId()), kRuleKey, kCodesField, ruleType,
         definition.isEmpty() ? QVariant() : QVariant(QString::fromUtf8(definition))});
    if (!team) {
        if (auto reset = m_db.fixture().run(u"PRAGMA ignore_check_constraints = OFF"_s); !reset)
            return reset.error();
    }
    if (!inserted)
        return inserted.error();
    return std::nullopt;
}

ProfileRun RuleAgreementTest::profile(const QString &key)
{
    ProfileRunner runner(m_db.database());
    auto runs = runner.run(TestDatabase::tenantId(), QStringList{key}, Trigger::Manual, {});
    if (!runs || runs.value().size() != 1) {
        qWarning("profiling %s failed: %s", qPrintable(key), runs ? "no run" : qPrintable(runs.error().text()));
        return {};
    }
    return runs.value().constFirst();
}

void RuleAgreementTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    STEWARD_VERIFY_OK(createWarehouse());
    QJsonObject codes = fieldPayload(kCodesField, Tier::Tier3, u"codes"_s, u"v"_s);
    codes[u"dataType"_s] = u"TEXT"_s;
    codes.remove(u"format"_s);
    STEWARD_VERIFY_OK(m_db.establish(EntityType::GlobalMetadata, kCodesField, Tier::Tier3, codes));
}

void RuleAgreementTest::rules_data()
{
    QTest::addColumn<QVariant>("ruleType"); // null: absent
    QTest::addColumn<QByteArray>("definition"); // empty: absent
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<qint64>("violations"); // when accepted, over the values of kCodes

    const QVariant regex(u"regex"_s), range(u"range"_s), enumeration(u"enum"_s);
    QTest::newRow("regex anchored") << regex << QByteArray(R"({"pattern": "^[A-Z]{3}$"})") << true << qint64(5);
    QTest::newRow("regex unanchored: still the whole value")
        << regex << QByteArray(R"({"pattern": "[A-Z]{3}"})") << true << qint64(5);
    QTest::newRow("regex invalid") << regex << QByteArray(R"({"pattern": "([A-Z"})") << false << qint64(0);
    QTest::newRow("regex without pattern") << regex << QByteArray("{}") << false << qint64(0);
    QTest::newRow("regex pattern not text") << regex << QByteArray(R"({"pattern": 5})") << false << qint64(0);
    QTest::newRow("range") << range << QByteArray(R"({"min": 0, "max": 10})") << true << qint64(6);
    QTest::newRow("range null bound is no bound")
        << range << QByteArray(R"({"min": null, "max": 12})") << true << qint64(5);
    QTest::newRow("range text bound") << range << QByteArray(R"({"min": "0"})") << false << qint64(0);
    QTest::newRow("range without bounds") << range << QByteArray("{}") << false << qint64(0);
    QTest::newRow("range min > max") << range << QByteArray(R"({"min": 10, "max": 1})") << false << qint64(0);
    // Equal as doubles, not as decimals: the exact bounds are compared.
    QTest::newRow("range min > max by a cent")
        << range << QByteArray(R"({"min": 12345678901234567.89, "max": 12345678901234567.88})") << false
        << qint64(0);
    QTest::newRow("range definition not an object") << range << QByteArray("[0, 10]") << false << qint64(0);
    QTest::newRow("enum") << enumeration << QByteArray(R"({"values": ["EUR", "USD"]})") << true << qint64(5);
    QTest::newRow("enum empty") << enumeration << QByteArray(R"({"values": []})") << false << qint64(0);
    QTest::newRow("enum of objects") << enumeration << QByteArray(R"({"values": [{"code": "EUR"}]})") << false
                                     << qint64(0);
    QTest::newRow("enum with null") << enumeration << QByteArray(R"({"values": ["EUR", null]})") << false
                                    << qint64(0);
    QTest::newRow("not_null") << QVariant(u"not_null"_s) << QByteArray() << true << qint64(1);
    QTest::newRow("unique") << QVariant(u"unique"_s) << QByteArray("{}") << true << qint64(0);
    QTest::newRow("unknown type") << QVariant(u"fuzzy"_s) << QByteArray("{}") << false << qint64(0);
    QTest::newRow("no type") << QVariant() << QByteArray("{}") << false << qint64(0);
}

void RuleAgreementTest::rules()
{
    QFETCH(QVariant, ruleType);
    QFETCH(QByteArray, definition);
    QFETCH(bool, accepted);
    QFETCH(qint64, violations);

    // The validator, on the exact payload a steward would submit.
    json::Node payload = json::fromQJsonValue(rulePayload(kRuleKey, kCodesField));
    payload.removeMember(u"ruleType"_s);
    payload.removeMember(u"definition"_s);
    if (!ruleType.isNull())
        payload.setMember(u"ruleType"_s, json::Node::string(ruleType.toString()));
    if (!definition.isEmpty())
        payload.setMember(u"definition"_s, exact(definition));
    PayloadValidator::Context context;
    context.type = EntityType::BusinessRule;
    context.tenantId = TestDatabase::tenantId();
    context.entityKey = kRuleKey;
    context.tier = Tier::Tier3;
    const Status validated = PayloadValidator::validate(context, payload);
    QCOMPARE(!validated.has_value(), accepted);

    // The profiler, on the same rule stored by another tool.
    STEWARD_VERIFY_OK(storeRule(ruleType, definition));
    const ProfileRun run = profile(kCodesField);
    if (!accepted) {
        QCOMPARE(toString(run.status), toString(RunStatus::Failed));
        // The same reason, naming the rule.
        QCOMPARE(run.error, u"rule %1: %2"_s.arg(kRuleKey, validated->text()));
        return;
    }
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(run.metrics.rules.size(), 1);
    QCOMPARE(run.metrics.rules.constFirst().violations, violations);
}

void RuleAgreementTest::formats_data()
{
    QTest::addColumn<QString>("dataType");
    QTest::addColumn<QString>("format");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<int>("precision"); // -1: none
    QTest::addColumn<int>("scale");
    QTest::addColumn<int>("maxLength");

    QTest::newRow("DECIMAL 18,2") << u"DECIMAL"_s << u"18,2"_s << true << 18 << 2 << -1;
    QTest::newRow("DECIMAL 18: scale 0") << u"DECIMAL"_s << u"18"_s << true << 18 << 0 << -1;
    QTest::newRow("DECIMAL 18, 2") << u"DECIMAL"_s << u" 18, 2 "_s << true << 18 << 2 << -1;
    QTest::newRow("DECIMAL 38,38") << u"DECIMAL"_s << u"38,38"_s << true << 38 << 38 << -1;
    QTest::newRow("DECIMAL without format") << u"DECIMAL"_s << QString() << true << -1 << -1 << -1;
    QTest::newRow("DECIMAL 18.2") << u"DECIMAL"_s << u"18.2"_s << false << -1 << -1 << -1;
    QTest::newRow("DECIMAL 40,2") << u"DECIMAL"_s << u"40,2"_s << false << -1 << -1 << -1;
    QTest::newRow("DECIMAL 4,6") << u"DECIMAL"_s << u"4,6"_s << false << -1 << -1 << -1;
    QTest::newRow("DECIMAL 0") << u"DECIMAL"_s << u"0"_s << false << -1 << -1 << -1;
    QTest::newRow("TEXT 10") << u"TEXT"_s << u"10"_s << true << -1 << -1 << 10;
    QTest::newRow("TEXT abc") << u"TEXT"_s << u"abc"_s << false << -1 << -1 << -1;
    QTest::newRow("TEXT 0") << u"TEXT"_s << u"0"_s << false << -1 << -1 << -1;
    QTest::newRow("DATE German") << u"DATE"_s << u"DD.MM.YYYY"_s << true << -1 << -1 << -1;
    QTest::newRow("INTEGER") << u"INTEGER"_s << QString() << true << -1 << -1 << -1;
    QTest::newRow("BOOLEAN") << u"BOOLEAN"_s << QString() << true << -1 << -1 << -1;
    QTest::newRow("MONEY") << u"MONEY"_s << QString() << false << -1 << -1 << -1;
    QTest::newRow("decimal in lower case") << u"decimal"_s << u"18,2"_s << false << -1 << -1 << -1;
}

void RuleAgreementTest::formats()
{
    QFETCH(QString, dataType);
    QFETCH(QString, format);
    QFETCH(bool, accepted);
    QFETCH(int, precision);
    QFETCH(int, scale);
    QFETCH(int, maxLength);

    QJsonObject field = fieldPayload(u"wh.some.field"_s, Tier::Tier3);
    field[u"dataType"_s] = dataType;
    if (format.isNull())
        field.remove(u"format"_s);
    else
        field[u"format"_s] = format;
    PayloadValidator::Context context;
    context.type = EntityType::GlobalMetadata;
    context.tenantId = TestDatabase::tenantId();
    context.entityKey = u"wh.some.field"_s;
    context.tier = Tier::Tier3;
    const Status validated = PayloadValidator::validate(context, json::fromQJsonValue(field));
    QCOMPARE(!validated.has_value(), accepted);

    // What the profiler's scan checks for the same field.
    const TypeCheck check = TypeCheck::of(dataType, format);
    if (!accepted) {
        QVERIFY2(check.note.contains(validated->message), qPrintable(check.note + u" / "_s + validated->message));
        return;
    }
    QVERIFY2(check.note.isEmpty(), qPrintable(check.note));
    QCOMPARE(check.precision.value_or(-1), precision);
    QCOMPARE(check.scale.value_or(-1), scale);
    QCOMPARE(check.maxLength.value_or(-1), maxLength);
}

void RuleAgreementTest::bareDecimalPrecisionIsSubmittedAndProfiledAsScaleZero()
{
    QJsonObject amounts = fieldPayload(kAmountsField, Tier::Tier3, u"amounts"_s, u"v"_s);
    amounts[u"format"_s] = u"18"_s;
    STEWARD_VERIFY_OK(m_db.establish(EntityType::GlobalMetadata, kAmountsField, Tier::Tier3, amounts));
    const ProfileRun run = profile(kAmountsField);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(run.details.value(u"dataType"_s).toObject().value(u"check"_s).toString(), u"DECIMAL 18"_s);
    // 12 and 1e2 have no fraction digits; 12.50 has one.
    QCOMPARE(run.metrics.nonNull, 3);
    QCOMPARE(run.metrics.valid, 2);
}

QTEST_GUILESS_MAIN(RuleAgreementTest)
#include "tst_ruleagreement.moc"
