// The HTTP API of steward-cli serve on the demo database, over loopback with a real HTTP
// client: submit, list and approve every entity type and check what an operator checks
// in the database; every error status with its cause; tokens, identity headers,
// idempotent resubmission, rate limits, size and time limits; and a suite of bad input
// that must leave every table exactly as it was.

#include "ApiRoutes.h"
#include "ApiTesting.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QUrlQuery>
#include <QUuid>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

constexpr int Usage = 2;

// SPEC section 4, written out here rather than taken from the code under test.
const QMap<QString, QStringList> kApprovalEvents{
    {u"GLOBAL_METADATA"_s,
     {u"approval.requested"_s, u"metadata.approved"_s, u"metadata.changed"_s, u"metadata.profile.due"_s,
      u"approval.approved"_s}},
    {u"KPI"_s, {u"approval.requested"_s, u"kpi.approved"_s, u"kpi.changed"_s, u"approval.approved"_s}},
    {u"BUSINESS_RULE"_s,
     {u"approval.requested"_s, u"business_rule.changed"_s, u"metadata.profile.due"_s, u"approval.approved"_s}},
    {u"GLOSSARY"_s, {u"approval.requested"_s, u"glossary.term.updated"_s, u"approval.approved"_s}},
};

const QMap<QString, QString> kEntityTables{{u"GLOBAL_METADATA"_s, u"mdm_global_metadata"_s},
                                           {u"KPI"_s, u"mdm_kpi"_s},
                                           {u"BUSINESS_RULE"_s, u"mdm_business_rule"_s},
                                           {u"GLOSSARY"_s, u"mdm_glossary_term"_s}};

QJsonObject fieldPayload(const QString &key, const QString &tier)
{
    return QJsonObject{
        {u"canonicalKey"_s, key},
        {u"label"_s, u"Journal amount (API)"_s},
        {u"description"_s, u"Amount of a journal line, described over HTTP."_s},
        {u"domain"_s, u"Finance"_s},
        {u"module"_s, u"GL"_s},
        {u"entityUrn"_s, u"urn:warehouse:finance.journal_lines.amount"_s},
        {u"tier"_s, tier},
        {u"dataType"_s, u"DECIMAL"_s},
        {u"format"_s, u"18,2"_s},
        {u"ownerId"_s, u"raj.patel"_s},
        {u"stewardId"_s, u"jonas.weber"_s},
        {u"status"_s, u"active"_s},
        {u"binding"_s, QJsonObject{{u"source"_s, u"warehouse"_s},
                                   {u"schema"_s, u"finance"_s},
                                   {u"table"_s, u"journal_lines"_s},
                                   {u"column"_s, u"amount"_s}}},
    };
}

QJsonObject payloadFor(const QString &type, const QString &key, const QString &tier)
{
    if (type == u"GLOBAL_METADATA"_s)
        return fieldPayload(key, tier);
    if (type == u"KPI"_s)
        return QJsonObject{{u"canonicalKey"_s, key},
                           {u"label"_s, u"Journal volume"_s},
                           {u"formula"_s, u"SUM(gl.journal_line.amount)"_s},
                           {u"dependsOn"_s, QJsonArray{u"gl.journal_line.amount"_s}},
                           {u"tier"_s, tier},
                           {u"status"_s, u"active"_s}};
    if (type == u"BUSINESS_RULE"_s)
        return QJsonObject{{u"canonicalKey"_s, key},
                           {u"label"_s, u"Amounts are not absurd"_s},
                           {u"appliesTo"_s, u"gl.journal_line.amount"_s},
                           {u"ruleType"_s, u"range"_s},
                           {u"definition"_s, QJsonObject{{u"min"_s, -1000000000}, {u"max"_s, 1000000000}}},
                           {u"severity"_s, u"error"_s},
                           {u"status"_s, u"active"_s}};
    return QJsonObject{{u"canonicalKey"_s, key},
                       {u"term"_s, u"Journal line"_s},
                       {u"definition"_s, u"One debit or credit of a journal entry."_s},
                       {u"synonyms"_s, QJsonArray{u"posting line"_s}},
                       {u"status"_s, u"active"_s}};
}

QByteArray createBody(const QString &type, const QString &key, const QString &tier, const QString &lane,
                      const QString &role)
{
    return QJsonDocument(QJsonObject{{u"entityType"_s, type},
                                     {u"entityId"_s, QJsonValue()},
                                     {u"entityKey"_s, key},
                                     {u"tier"_s, tier},
                                     {u"lane"_s, lane},
                                     {u"requiredRole"_s, role},
                                     {u"payload"_s, payloadFor(type, key, tier)}})
        .toJson(QJsonDocument::Compact);
}

QString describe(const HttpReply &reply)
{
    return u"HTTP %1 %2 %3"_s.arg(reply.status).arg(QString::fromUtf8(reply.body), reply.error);
}

} // namespace

class HttpApiTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void submitListApproveEveryEntityType();
    void aTier1FieldApprovedOverHttpIsProfiled();
    void listPagesWithAKeysetCursor();
    void eachErrorStatusHasItsCause();
    void aRefusedRequestIsNeverHalfApplied();
    void anIdempotencyKeyReturnsTheFirstResult();
    void tokensAreCreatedListedRevokedAndExpire();
    void aTokenOverItsRateIs429AndOthersGoOn();
    void identityHeadersOnlyOnLoopbackAndOnlyHeldRoles();
    void badInputGetsA4xxAndChangesNothing_data();
    void badInputGetsA4xxAndChangesNothing();
    void aSlowOrOversizedClientDoesNotStopOthers();
    void theOpenApiDocumentMatchesTheRoutes();

private:
    HttpReply call(const QByteArray &verb, const QString &path, const QString &token, const QByteArray &body = {},
                   const HttpHeaders &headers = {})
    {
        return apiRequest(m_network, m_url, verb, path, token, body, headers);
    }
    QString token(const QString &user)
    {
        QString why;
        const QString made = createToken(m_cli, user, why);
        if (made.isEmpty())
            qWarning("%s", qPrintable(why));
        return made;
    }
    QVariant scalar(const QString &sql, const QVariantList &values = {})
    {
        QSqlQuery query(m_db);
        query.prepare(sql);
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec() || !query.next())
            return {};
        return query.value(0);
    }
    QString pendingIdOf(const QString &tenant);

    CliFixture m_cli;
    QNetworkAccessManager m_network;
    std::unique_ptr<QProcess> m_serve;
    QUrl m_url;
    QSqlDatabase m_db;
    QString m_raj;    // data_owner: submits
    QString m_jonas;  // metadata_steward: decides governed requests
    QString m_tom;    // kernel_architect: decides kernel requests
    QString m_mei;    // viewer
};

void HttpApiTest::initTestCase()
{
    const QString problem = m_cli.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    const CliRun demo = m_cli.run({u"init-demo"_s});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    m_raj = token(u"raj.patel"_s);
    m_jonas = token(u"jonas.weber"_s);
    m_tom = token(u"tom.baker"_s);
    m_mei = token(u"mei.chen"_s);
    QVERIFY(!m_raj.isEmpty() && !m_jonas.isEmpty() && !m_tom.isEmpty() && !m_mei.isEmpty());

    QString why;
    m_serve = m_cli.startServe({u"--port"_s, u"0"_s, u"--rate-limit"_s, u"10000"_s}, m_url, why);
    QVERIFY2(m_serve, qPrintable(why));

    m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"check"_s);
    m_db.setDatabaseName(m_cli.databasePath());
    QVERIFY2(m_db.open(), qPrintable(m_db.lastError().text()));
}

void HttpApiTest::cleanupTestCase()
{
    if (m_serve) {
        QString why;
        QVERIFY2(terminateCleanly(*m_serve, why), qPrintable(why));
    }
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"check"_s);
}

QString HttpApiTest::pendingIdOf(const QString &tenant)
{
    return scalar(u"SELECT id FROM mdm_approval WHERE tenant_id = ? AND status = 'pending' ORDER BY id LIMIT 1"_s,
                  {tenant})
        .toString();
}

void HttpApiTest::submitListApproveEveryEntityType()
{
    for (const QString &type : kApprovalEvents.keys()) {
        const QString key = u"api.%1.created"_s.arg(type.toLower());
        const QString tier = type == u"GLOBAL_METADATA"_s ? u"tier2"_s : u"tier3"_s;
        const qint64 seqBefore = scalar(u"SELECT COALESCE(MAX(seq), 0) FROM mdm_event"_s).toLongLong();

        const HttpReply submitted = call("POST", u"/approvals"_s, m_raj,
                                         createBody(type, key, tier, u"governed"_s, u"metadata_steward"_s));
        QVERIFY2(submitted.status == 201, qPrintable(type + u": "_s + describe(submitted)));
        const QJsonObject request = jsonObject(submitted);
        const QString id = request.value(u"id"_s).toString();
        QCOMPARE(submitted.header("Location"), (u"/approvals/"_s + id).toLatin1());
        QCOMPARE(request.value(u"status"_s).toString(), u"pending"_s);
        QCOMPARE(request.value(u"requestedBy"_s).toString(), u"raj.patel"_s);
        QCOMPARE(request.value(u"payload"_s).toObject().value(u"canonicalKey"_s).toString(), key);

        // The queue, filtered to the type, lists it.
        const HttpReply listed =
            call("GET", u"/approvals?status=pending&entityType=%1&tier=%2&limit=500"_s.arg(type, tier), m_jonas);
        QVERIFY2(listed.status == 200, qPrintable(describe(listed)));
        bool found = false;
        for (const QJsonValue item : jsonObject(listed).value(u"items"_s).toArray()) {
            QCOMPARE(item[u"entityType"_s].toString(), type);
            QVERIFY(!item.toObject().contains(u"payload"_s));
            found = found || item[u"id"_s].toString() == id;
        }
        QVERIFY2(found, qPrintable(type));

        const HttpReply shown = call("GET", u"/approvals/"_s + id, m_jonas);
        QVERIFY2(shown.status == 200, qPrintable(describe(shown)));
        const QJsonObject diff = jsonObject(shown).value(u"diff"_s).toObject();
        QVERIFY2(diff.value(u"changes"_s).toArray().size() > 0, shown.body.constData());

        const HttpReply approved = call("POST", u"/approvals/%1/approve"_s.arg(id), m_jonas,
                                        R"({"reason":"Checked over HTTP"})");
        QVERIFY2(approved.status == 200, qPrintable(type + u": "_s + describe(approved)));
        QCOMPARE(jsonObject(approved).value(u"status"_s).toString(), u"approved"_s);

        // What an operator checks in the database.
        QSqlQuery row(m_db);
        row.prepare(u"SELECT status, decided_by, decided_at, decision_reason FROM mdm_approval WHERE id = ?"_s);
        row.addBindValue(id);
        QVERIFY(row.exec() && row.next());
        QCOMPARE(row.value(0).toString(), u"approved"_s);
        QCOMPARE(row.value(1).toString(), u"jonas.weber"_s);
        const QDateTime decidedAt = QDateTime::fromString(row.value(2).toString(), Qt::ISODateWithMs);
        QVERIFY2(decidedAt.isValid() && qAbs(decidedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120,
                 qPrintable(row.value(2).toString()));
        QCOMPARE(row.value(3).toString(), u"Checked over HTTP"_s);
        QCOMPARE(scalar(u"SELECT COUNT(*) FROM %1 WHERE tenant_id = ? AND canonical_key = ?"_s.arg(
                            kEntityTables.value(type)),
                        {Demo::Tenant, key})
                     .toInt(),
                 1);

        QStringList stored;
        QSqlQuery events(m_db);
        events.prepare(u"SELECT type FROM mdm_event WHERE correlation_id = ? ORDER BY seq"_s);
        events.addBindValue(id);
        QVERIFY(events.exec());
        while (events.next())
            stored.append(events.value(0).toString());
        QCOMPARE(stored, kApprovalEvents.value(type));

        // The audit trail over HTTP says the same, in the same order.
        const HttpReply trail = call("GET", u"/events?after=%1&limit=1000"_s.arg(seqBefore), m_mei);
        QVERIFY2(trail.status == 200, qPrintable(describe(trail)));
        QStringList served;
        for (const QJsonValue event : jsonObject(trail).value(u"items"_s).toArray()) {
            if (event[u"correlationId"_s].toString() == id)
                served.append(event[u"type"_s].toString());
        }
        QCOMPARE(served, kApprovalEvents.value(type));
    }
}

void HttpApiTest::aTier1FieldApprovedOverHttpIsProfiled()
{
    const QString key = u"api.journal_line.amount"_s;
    const HttpReply submitted = call("POST", u"/approvals"_s, m_raj,
                                     createBody(u"GLOBAL_METADATA"_s, key, u"tier1"_s, u"kernel"_s,
                                                u"kernel_architect"_s));
    QVERIFY2(submitted.status == 201, qPrintable(describe(submitted)));
    const QString id = jsonObject(submitted).value(u"id"_s).toString();
    // A steward may not decide a kernel-lane request; the architect may.
    QCOMPARE(call("POST", u"/approvals/%1/approve"_s.arg(id), m_jonas).status, 403);
    const HttpReply approved = call("POST", u"/approvals/%1/approve"_s.arg(id), m_tom);
    QVERIFY2(approved.status == 200, qPrintable(describe(approved)));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM mdm_event WHERE correlation_id = ? AND type = 'metadata.profile.due'"_s,
                    {id})
                 .toInt(),
             1);

    const int before = scalar(u"SELECT COUNT(*) FROM mdm_profile WHERE canonical_key = ?"_s, {key}).toInt();
    QCOMPARE(before, 0);
    const CliRun profile = m_cli.run({u"profile"_s, key, u"--now"_s});
    QVERIFY2(profile.exitCode == 0, qPrintable(profile.out + profile.err));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM mdm_profile WHERE canonical_key = ? AND status = 'completed' "
                    u"AND tier = 'tier1' AND quality_score IS NOT NULL"_s,
                    {key})
                 .toInt(),
             1);
}

void HttpApiTest::listPagesWithAKeysetCursor()
{
    // Every pending request exactly once, oldest first, pages of 7.
    const int pending = scalar(u"SELECT COUNT(*) FROM mdm_approval WHERE tenant_id = ? AND status = 'pending'"_s,
                               {Demo::Tenant})
                            .toInt();
    QVERIFY(pending > 20);
    QStringList seen;
    QString cursor;
    QString lastRequestedAt;
    for (int page = 0; page < 1000; ++page) {
        const QString path = cursor.isEmpty() ? u"/approvals?limit=7"_s
                                              : u"/approvals?limit=7&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpReply reply = call("GET", path, m_mei);
        QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
        const QJsonObject body = jsonObject(reply);
        for (const QJsonValue item : body.value(u"items"_s).toArray()) {
            QVERIFY(item[u"requestedAt"_s].toString() >= lastRequestedAt);
            lastRequestedAt = item[u"requestedAt"_s].toString();
            seen.append(item[u"id"_s].toString());
        }
        if (body.value(u"nextCursor"_s).isNull())
            break;
        cursor = body.value(u"nextCursor"_s).toString();
    }
    QCOMPARE(seen.size(), pending);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), pending);
}

void HttpApiTest::eachErrorStatusHasItsCause()
{
    // 400: the field that is wrong is named.
    QJsonObject missingKey = QJsonDocument::fromJson(createBody(u"GLOSSARY"_s, u"api.err.a"_s, u"tier3"_s,
                                                                u"governed"_s, u"metadata_steward"_s))
                                 .object();
    missingKey.remove(u"entityKey"_s);
    HttpReply reply = call("POST", u"/approvals"_s, m_raj, QJsonDocument(missingKey).toJson());
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonObject(reply).value(u"field"_s).toString(), u"entityKey"_s);

    // 401: no token, an unknown one.
    reply = call("GET", u"/approvals"_s, QString());
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.wwwAuthenticate.startsWith("Bearer"));
    reply = call("GET", u"/approvals"_s, u"stw_not-a-token-anybody-issued"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonObject(reply).value(u"error"_s).toString(), u"unknown token"_s);

    // 403: role, four-eyes, viewer submitting.
    reply = call("POST", u"/approvals"_s, m_jonas,
                 createBody(u"GLOSSARY"_s, u"api.err.own"_s, u"tier3"_s, u"governed"_s, u"metadata_steward"_s));
    QCOMPARE(reply.status, 201);
    const QString own = jsonObject(reply).value(u"id"_s).toString();
    reply = call("POST", u"/approvals/%1/approve"_s.arg(own), m_jonas);
    QCOMPARE(reply.status, 403);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"four-eyes"_s), reply.body.constData());
    reply = call("POST", u"/approvals/%1/approve"_s.arg(own), m_raj);
    QCOMPARE(reply.status, 403);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"metadata_steward"_s), reply.body.constData());
    reply = call("POST", u"/approvals"_s, m_mei,
                 createBody(u"GLOSSARY"_s, u"api.err.viewer"_s, u"tier3"_s, u"governed"_s, u"metadata_steward"_s));
    QCOMPARE(reply.status, 403);

    // 404: no such request; another tenant's request is reported the same way.
    reply = call("GET", u"/approvals/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), m_jonas);
    QCOMPARE(reply.status, 404);
    const QString foreign = pendingIdOf(Demo::OtherTenant);
    QVERIFY(!foreign.isEmpty());
    QCOMPARE(call("GET", u"/approvals/"_s + foreign, m_jonas).status, 404);
    QCOMPARE(call("POST", u"/approvals/%1/approve"_s.arg(foreign), m_jonas).status, 404);
    QCOMPARE(call("GET", u"/nothing-here"_s, m_jonas).status, 404);

    // 405: a path with other methods.
    reply = call("DELETE", u"/approvals"_s, m_jonas);
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.allow, QByteArray("POST, GET"));

    // 409: already decided (who and when), rejection then approval, a create of a key that exists.
    reply = call("POST", u"/approvals/%1/reject"_s.arg(own), m_raj, R"({"reason":"no"})");
    QCOMPARE(reply.status, 403); // raj is not a steward
    reply = call("POST", u"/approvals/%1/reject"_s.arg(own), QString(m_tom), R"({"reason":"no"})");
    QCOMPARE(reply.status, 403); // nor is tom
    QString amara;
    {
        QString why;
        amara = createToken(m_cli, u"amara.okafor"_s, why);
        QVERIFY2(!amara.isEmpty(), qPrintable(why));
    }
    reply = call("POST", u"/approvals/%1/reject"_s.arg(own), amara, R"({"reason":""})");
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonObject(reply).value(u"field"_s).toString(), u"reason"_s);
    reply = call("POST", u"/approvals/%1/reject"_s.arg(own), amara, R"({"reason":"Duplicate term"})");
    QCOMPARE(reply.status, 200);
    reply = call("POST", u"/approvals/%1/approve"_s.arg(own), amara);
    QCOMPARE(reply.status, 409);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"already rejected by amara.okafor"_s),
             reply.body.constData());
    reply = call("POST", u"/approvals/%1/cancel"_s.arg(own), m_jonas);
    QCOMPARE(reply.status, 409);
    reply = call("POST", u"/approvals"_s, m_raj,
                 createBody(u"GLOSSARY"_s, u"api.glossary.created"_s, u"tier3"_s, u"governed"_s,
                            u"metadata_steward"_s));
    QCOMPARE(reply.status, 409);

    // 409 stale: two updates of one entity; once the first is approved, the second is stale.
    const QString entityId = scalar(u"SELECT id FROM mdm_glossary_term WHERE canonical_key = ?"_s,
                                    {u"api.glossary.created"_s})
                                 .toString();
    QVERIFY(!entityId.isEmpty());
    auto update = [&](const QString &definition) {
        QJsonObject payload{{u"definition"_s, definition}};
        return QJsonDocument(QJsonObject{{u"entityType"_s, u"GLOSSARY"_s},
                                         {u"entityId"_s, entityId},
                                         {u"entityKey"_s, u"api.glossary.created"_s},
                                         {u"tier"_s, u"tier3"_s},
                                         {u"lane"_s, u"governed"_s},
                                         {u"payload"_s, payload}})
            .toJson();
    };
    const HttpReply first = call("POST", u"/approvals"_s, m_raj, update(u"First rewording."_s));
    const HttpReply second = call("POST", u"/approvals"_s, m_raj, update(u"Second rewording."_s));
    QCOMPARE(first.status, 201);
    QCOMPARE(second.status, 201);
    QCOMPARE(call("POST", u"/approvals/%1/approve"_s.arg(jsonObject(first).value(u"id"_s).toString()), m_jonas)
                 .status,
             200);
    reply = call("POST", u"/approvals/%1/approve"_s.arg(jsonObject(second).value(u"id"_s).toString()), m_jonas);
    QCOMPARE(reply.status, 409);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"changed since the request was made"_s),
             reply.body.constData());

    // 413: over the body limit, refused before the body is read.
    reply = call("POST", u"/approvals"_s, m_raj, QByteArray(300 * 1024, 'x'));
    QCOMPARE(reply.status, 413);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"exceeds the limit"_s), reply.body.constData());
    // The server is fine afterwards.
    QCOMPARE(call("GET", u"/approvals?limit=1"_s, m_raj).status, 200);

    // 403 tenant: a token whose user no longer holds a role in its tenant.
    QString leaver;
    {
        QString why;
        leaver = createToken(m_cli, u"lena.fischer"_s, why);
        QVERIFY2(!leaver.isEmpty(), qPrintable(why));
    }
    QCOMPARE(call("GET", u"/approvals?limit=1"_s, leaver).status, 200);
    QSqlQuery removed(m_db);
    QVERIFY(removed.exec(u"DELETE FROM mdm_user_role WHERE user_id = 'lena.fischer'"_s));
    reply = call("GET", u"/approvals?limit=1"_s, leaver);
    QCOMPARE(reply.status, 403);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"no longer a user"_s), reply.body.constData());
}

void HttpApiTest::aRefusedRequestIsNeverHalfApplied()
{
    // A stale approval is refused as a whole: the entity, the request and the trail stay.
    const QString before = databaseFingerprint(m_db);
    const QString id =
        scalar(u"SELECT a.id FROM mdm_approval a JOIN mdm_glossary_term g ON g.canonical_key = a.entity_key "
               u"WHERE a.status = 'pending' AND a.entity_key = 'api.glossary.created'"_s)
            .toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(call("POST", u"/approvals/%1/approve"_s.arg(id), m_jonas).status, 409);
    QCOMPARE(databaseFingerprint(m_db), before);
}

void HttpApiTest::anIdempotencyKeyReturnsTheFirstResult()
{
    const QByteArray body =
        createBody(u"GLOSSARY"_s, u"api.idempotent"_s, u"tier4"_s, u"governed"_s, u"metadata_steward"_s);
    const HttpHeaders key{{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("etl-run-42/row-7")}};
    const HttpReply first = call("POST", u"/approvals"_s, m_raj, body, key);
    QVERIFY2(first.status == 201, qPrintable(describe(first)));
    const HttpReply again = call("POST", u"/approvals"_s, m_raj, body, key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(jsonObject(again).value(u"id"_s), jsonObject(first).value(u"id"_s));
    QCOMPARE(again.header("Location"), first.header("Location"));
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM mdm_approval WHERE entity_key = 'api.idempotent'"_s).toInt(), 1);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM mdm_event WHERE type = 'approval.requested' AND correlation_id = ?"_s,
                    {jsonObject(first).value(u"id"_s).toString()})
                 .toInt(),
             1);

    // The same key with another body is a conflict; another user's same key is their own.
    const HttpReply changed = call("POST", u"/approvals"_s, m_raj,
                                   createBody(u"GLOSSARY"_s, u"api.idempotent.other"_s, u"tier4"_s, u"governed"_s,
                                              u"metadata_steward"_s),
                                   key);
    QCOMPARE(changed.status, 409);
    QCOMPARE(jsonObject(changed).value(u"field"_s).toString(), u"Idempotency-Key"_s);
    QCOMPARE(scalar(u"SELECT COUNT(*) FROM mdm_approval WHERE entity_key = 'api.idempotent.other'"_s).toInt(), 0);
    const HttpReply spaced = call("POST", u"/approvals"_s, m_raj, body, {{"Idempotency-Key", "two words"}});
    QCOMPARE(spaced.status, 400);
    QCOMPARE(jsonObject(spaced).value(u"field"_s).toString(), u"Idempotency-Key"_s);
}

void HttpApiTest::tokensAreCreatedListedRevokedAndExpire()
{
    const CliRun created = m_cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"create"_s});
    QVERIFY2(created.exitCode == 0, qPrintable(created.err));
    const QString secret = created.out.section(u'\n', 0, 0).trimmed();
    // 256 random bits, base64url: 43 characters after the prefix.
    QVERIFY2(QRegularExpression(u"^stw_[A-Za-z0-9_-]{43}$"_s).match(secret).hasMatch(), qPrintable(secret));
    const QString tokenId =
        QRegularExpression(u"Token ([0-9a-f-]{36})"_s).match(created.out).captured(1);
    QVERIFY2(!tokenId.isEmpty(), qPrintable(created.out));

    // Stored only as its SHA-256: neither the secret nor any part of it is in the file.
    const QString expectedHash =
        QString::fromLatin1(QCryptographicHash::hash(secret.toLatin1(), QCryptographicHash::Sha256).toHex());
    QCOMPARE(scalar(u"SELECT token_hash FROM mdm_api_token WHERE id = ?"_s, {tokenId}).toString(), expectedHash);
    QFile file(m_cli.databasePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(secret.mid(4, 20).toLatin1()));
    QFile wal(m_cli.databasePath() + u"-wal"_s);
    if (wal.open(QIODevice::ReadOnly))
        QVERIFY(!wal.readAll().contains(secret.mid(4, 20).toLatin1()));

    QCOMPARE(call("GET", u"/approvals?limit=1"_s, secret).status, 200);
    const CliRun listed = m_cli.run({u"token"_s, u"list"_s, u"--user"_s, u"jonas.weber"_s});
    QVERIFY2(listed.exitCode == 0 && listed.out.contains(tokenId) && !listed.out.contains(secret),
             qPrintable(listed.out + listed.err));

    const CliRun revoked = m_cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"revoke"_s, tokenId});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    HttpReply reply = call("GET", u"/approvals?limit=1"_s, secret);
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonObject(reply).value(u"error"_s).toString(), u"the token has been revoked"_s);
    QVERIFY(m_cli.run({u"token"_s, u"list"_s}).out.contains(u"revoked"_s));
    QCOMPARE(m_cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"revoke"_s, tokenId}).exitCode, 4);

    // Expiry: works until the moment given, then 401.
    const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(2);
    QString why;
    const QString brief = createToken(m_cli, u"jonas.weber"_s, why,
                                      {u"--expires"_s, soon.toString(Qt::ISODate)});
    QVERIFY2(!brief.isEmpty(), qPrintable(why));
    QCOMPARE(call("GET", u"/approvals?limit=1"_s, brief).status, 200);
    QTest::qWait(int(QDateTime::currentDateTimeUtc().msecsTo(soon)) + 300);
    reply = call("GET", u"/approvals?limit=1"_s, brief);
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonObject(reply).value(u"error"_s).toString(), u"the token has expired"_s);

    // Refused: a time in the past, a user the tenant does not have, no user.
    QCOMPARE(m_cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"create"_s, u"--expires"_s, u"2001-01-01"_s})
                 .exitCode,
             Usage);
    QCOMPARE(m_cli.run({u"--user"_s, u"nobody"_s, u"token"_s, u"create"_s}).exitCode, 3);
    QCOMPARE(m_cli.run({u"token"_s, u"create"_s}).exitCode, Usage);
}

void HttpApiTest::aTokenOverItsRateIs429AndOthersGoOn()
{
    QUrl url;
    QString why;
    auto server = m_cli.startServe({u"--port"_s, u"0"_s, u"--rate-limit"_s, u"1"_s}, url, why);
    QVERIFY2(server, qPrintable(why));
    int limited = 0;
    QByteArray retryAfter;
    for (int i = 0; i < 5; ++i) {
        const HttpReply reply = apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, m_raj);
        if (reply.status == 429) {
            ++limited;
            retryAfter = reply.header("Retry-After");
            QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"too many requests"_s),
                     reply.body.constData());
        } else {
            QCOMPARE(reply.status, 200);
        }
    }
    QVERIFY2(limited >= 2, qPrintable(QString::number(limited)));
    QVERIFY(retryAfter.toInt() >= 1);
    // Another token is not slowed down by the first one's flood.
    QCOMPARE(apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, m_jonas).status, 200);
    QVERIFY2(terminateCleanly(*server, why), qPrintable(why));
}

void HttpApiTest::identityHeadersOnlyOnLoopbackAndOnlyHeldRoles()
{
    // Refused beyond loopback, before anything listens.
    const CliRun refused = m_cli.run({u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s,
                                      u"--trust-identity-headers"_s, u"--metrics-token-file"_s, u"/dev/null"_s});
    QCOMPARE(refused.exitCode, Usage);
    QFile tokenFile(m_cli.dir() + u"/metrics.token"_s);
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write("a-metrics-token-of-some-length\n");
    tokenFile.close();
    const CliRun refusedWithToken =
        m_cli.run({u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--trust-identity-headers"_s,
                   u"--metrics-token-file"_s, tokenFile.fileName()});
    QCOMPARE(refusedWithToken.exitCode, Usage);
    QVERIFY2(refusedWithToken.err.contains(u"loopback"_s), qPrintable(refusedWithToken.err));

    // Without the switch the headers are not an identity.
    const HttpHeaders jonas{{"x-tenant-id", Demo::Tenant.toLatin1()}, {"x-user-id", "jonas.weber"},
                            {"x-role", "metadata_steward"}};
    QCOMPARE(call("GET", u"/approvals?limit=1"_s, QString(), {}, jonas).status, 401);

    QUrl url;
    QString why;
    auto server = m_cli.startServe({u"--port"_s, u"0"_s, u"--trust-identity-headers"_s}, url, why);
    QVERIFY2(server, qPrintable(why));
    QCOMPARE(apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, jonas).status, 200);
    const HttpHeaders notHeld{{"x-tenant-id", Demo::Tenant.toLatin1()}, {"x-user-id", "jonas.weber"},
                              {"x-role", "kernel_architect"}};
    HttpReply reply = apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, notHeld);
    QCOMPARE(reply.status, 403);
    QCOMPARE(jsonObject(reply).value(u"field"_s).toString(), u"x-role"_s);
    const HttpHeaders otherTenant{{"x-tenant-id", Demo::OtherTenant.toLatin1()}, {"x-user-id", "jonas.weber"},
                                  {"x-role", "metadata_steward"}};
    QCOMPARE(apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, otherTenant).status, 403);
    const HttpHeaders partial{{"x-user-id", "jonas.weber"}};
    QCOMPARE(apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, partial).status, 401);
    // A decision made in header mode is the named user's, under the same rules.
    const QString id = scalar(u"SELECT id FROM mdm_approval WHERE tenant_id = ? AND status = 'pending' AND "
                              u"required_role = 'metadata_steward' AND lane <> 'kernel' AND requested_by <> "
                              u"'jonas.weber' ORDER BY id LIMIT 1"_s,
                              {Demo::Tenant})
                           .toString();
    reply = apiRequest(m_network, url, "POST", u"/approvals/%1/reject"_s.arg(id), QString(),
                       R"({"reason":"Rejected in header mode"})", jonas);
    QVERIFY2(reply.status == 200 || reply.status == 409, qPrintable(describe(reply)));
    if (reply.status == 200)
        QCOMPARE(scalar(u"SELECT decided_by FROM mdm_approval WHERE id = ?"_s, {id}).toString(), u"jonas.weber"_s);
    QVERIFY2(terminateCleanly(*server, why), qPrintable(why));
}

void HttpApiTest::badInputGetsA4xxAndChangesNothing_data()
{
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");

    const QString pending = u"PENDING"_s; // replaced by a pending request's id
    const QByteArray valid =
        createBody(u"GLOSSARY"_s, u"api.bad.never"_s, u"tier3"_s, u"governed"_s, u"metadata_steward"_s);
    auto withMember = [&](const QString &name, const QJsonValue &value) {
        QJsonObject object = QJsonDocument::fromJson(valid).object();
        object.insert(name, value);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    };
    QTest::newRow("malformed JSON") << QByteArray("POST") << u"/approvals"_s << QByteArray(R"({"entityType": )") << 400;
    QTest::newRow("not an object") << QByteArray("POST") << u"/approvals"_s << QByteArray("[1,2,3]") << 400;
    QTest::newRow("empty body") << QByteArray("POST") << u"/approvals"_s << QByteArray() << 400;
    QTest::newRow("duplicate key") << QByteArray("POST") << u"/approvals"_s
                                   << QByteArray(R"({"entityType":"KPI","entityType":"GLOSSARY"})") << 400;
    QTest::newRow("tier is a number") << QByteArray("POST") << u"/approvals"_s << withMember(u"tier"_s, 3) << 400;
    QTest::newRow("payload is a string") << QByteArray("POST") << u"/approvals"_s
                                         << withMember(u"payload"_s, u"{}"_s) << 400;
    QTest::newRow("unknown entity type") << QByteArray("POST") << u"/approvals"_s
                                         << withMember(u"entityType"_s, u"TABLE"_s) << 400;
    QTest::newRow("unknown member") << QByteArray("POST") << u"/approvals"_s
                                    << withMember(u"status"_s, u"approved"_s) << 400;
    QTest::newRow("someone else as requester") << QByteArray("POST") << u"/approvals"_s
                                               << withMember(u"requestedBy"_s, u"raj.patel"_s) << 400;
    QTest::newRow("entityId not a UUID") << QByteArray("POST") << u"/approvals"_s
                                         << withMember(u"entityId"_s, u"1 OR 1=1"_s) << 400;
    QTest::newRow("SQL in the key") << QByteArray("POST") << u"/approvals"_s
                                    << withMember(u"entityKey"_s, u"x'); DROP TABLE mdm_approval; --"_s) << 400;
    QTest::newRow("oversized body") << QByteArray("POST") << u"/approvals"_s << QByteArray(2 * 1024 * 1024, '{')
                                    << 413;
    QTest::newRow("id not a UUID") << QByteArray("GET") << u"/approvals/12345"_s << QByteArray() << 400;
    QTest::newRow("id with braces") << QByteArray("GET")
                                    << u"/approvals/{7a0c4a52-0000-4000-8000-000000000000}"_s << QByteArray() << 400;
    QTest::newRow("id injection") << QByteArray("POST") << u"/approvals/1'%20OR%20'1'='1/approve"_s << QByteArray()
                                  << 400;
    QTest::newRow("encoded traversal") << QByteArray("GET") << u"/approvals/..%2F..%2Fetc%2Fpasswd"_s
                                       << QByteArray() << 404;
    QTest::newRow("traversal in an id") << QByteArray("POST") << u"/approvals/..%2E/approve"_s << QByteArray() << 400;
    QTest::newRow("dot segments") << QByteArray("GET") << u"/approvals/../../etc/passwd"_s << QByteArray() << 404;
    QTest::newRow("status injection") << QByteArray("GET") << u"/approvals?status=pending'%20OR%201=1--"_s
                                      << QByteArray() << 400;
    QTest::newRow("unknown tier") << QByteArray("GET") << u"/approvals?tier=tier9"_s << QByteArray() << 400;
    QTest::newRow("limit zero") << QByteArray("GET") << u"/approvals?limit=0"_s << QByteArray() << 400;
    QTest::newRow("limit huge") << QByteArray("GET") << u"/approvals?limit=100000000000"_s << QByteArray() << 400;
    QTest::newRow("forged cursor") << QByteArray("GET") << u"/approvals?cursor=JyBPUiAxPTE"_s << QByteArray() << 400;
    QTest::newRow("unknown parameter") << QByteArray("GET") << u"/approvals?tenant=all"_s << QByteArray() << 400;
    QTest::newRow("repeated parameter") << QByteArray("GET") << u"/approvals?status=pending&status=all"_s
                                        << QByteArray() << 400;
    QTest::newRow("negative after") << QByteArray("GET") << u"/events?after=-1"_s << QByteArray() << 400;
    QTest::newRow("after not a number") << QByteArray("GET") << u"/events?after=0;DELETE"_s << QByteArray() << 400;
    QTest::newRow("decision body not JSON") << QByteArray("POST") << u"/approvals/%1/approve"_s.arg(pending)
                                            << QByteArray("reason=yes") << 400;
    QTest::newRow("reason not a string") << QByteArray("POST") << u"/approvals/%1/approve"_s.arg(pending)
                                         << QByteArray(R"({"reason":42})") << 400;
    QTest::newRow("decision unknown member") << QByteArray("POST") << u"/approvals/%1/reject"_s.arg(pending)
                                             << QByteArray(R"({"reason":"x","status":"approved"})") << 400;
    QTest::newRow("reject without reason") << QByteArray("POST") << u"/approvals/%1/reject"_s.arg(pending)
                                           << QByteArray("{}") << 400;
}

void HttpApiTest::badInputGetsA4xxAndChangesNothing()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    // A pending governed request jonas may decide, so only the input is wrong.
    const QString pending = scalar(u"SELECT id FROM mdm_approval WHERE tenant_id = ? AND status = 'pending' AND "
                                   u"required_role = 'metadata_steward' AND lane <> 'kernel' AND requested_by <> "
                                   u"'jonas.weber' ORDER BY id LIMIT 1"_s,
                                   {Demo::Tenant})
                                .toString();
    QVERIFY(!pending.isEmpty());
    path.replace(u"PENDING"_s, pending);

    const QString before = databaseFingerprint(m_db);
    QUrl url = m_url;
    const QString rawPath = path.section(u'?', 0, 0);
    url.setPath(rawPath, QUrl::TolerantMode);
    if (path.contains(u'?'))
        url.setQuery(path.section(u'?', 1), QUrl::TolerantMode);
    const HttpReply reply =
        httpRequest(m_network, verb, url, 20000, {{"Authorization", "Bearer " + m_jonas.toLatin1()}}, body);
    QVERIFY2(reply.status == status, qPrintable(describe(reply)));
    const QJsonObject error = jsonObject(reply);
    QVERIFY2(!error.value(u"error"_s).toString().isEmpty(), reply.body.constData());
    // Never a stack trace or the server's SQL (the input itself may be quoted back).
    for (const QString &word : {u"SELECT "_s, u"INSERT INTO"_s, u"sqlite"_s, u"QSql"_s, u"syntax error"_s,
                               u"constraint"_s, u"steward::"_s})
        QVERIFY2(!QString::fromUtf8(reply.body).contains(word, Qt::CaseInsensitive), reply.body.constData());
    QCOMPARE(databaseFingerprint(m_db), before);
}

void HttpApiTest::aSlowOrOversizedClientDoesNotStopOthers()
{
    QUrl url;
    QString why;
    auto server = m_cli.startServe({u"--port"_s, u"0"_s, u"--request-timeout"_s, u"1"_s}, url, why);
    QVERIFY2(server, qPrintable(why));

    // A client that sends half a request and stops...
    QTcpSocket slow;
    slow.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(slow.waitForConnected(5000));
    slow.write("GET /approvals HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ");
    QVERIFY(slow.waitForBytesWritten(5000));
    // ...one whose headers never end...
    QTcpSocket endless;
    endless.connectToHost(url.host(), quint16(url.port()));
    QVERIFY(endless.waitForConnected(5000));
    endless.write("GET /approvals HTTP/1.1\r\nX-Filler: " + QByteArray(64 * 1024, 'a'));
    // ...while everyone else is answered at once.
    QElapsedTimer timer;
    timer.start();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, m_raj).status, 200);
    QVERIFY2(timer.elapsed() < 900, qPrintable(QString::number(timer.elapsed())));

    QTRY_VERIFY_WITH_TIMEOUT(endless.bytesAvailable() > 0, 5000);
    QVERIFY2(endless.readAll().startsWith("HTTP/1.1 431"), "a header over the limit is refused");
    // The slow client is cut off after the request timeout, without an answer.
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(slow.readAll().isEmpty());
    QVERIFY2(timer.elapsed() >= 900, "not before its time");
    QCOMPARE(apiRequest(m_network, url, "GET", u"/approvals?limit=1"_s, m_raj).status, 200);
    QVERIFY2(terminateCleanly(*server, why), qPrintable(why));
}

void HttpApiTest::theOpenApiDocumentMatchesTheRoutes()
{
    QFile kept(QStringLiteral(STEWARD_OPENAPI_FILE));
    QVERIFY2(kept.open(QIODevice::ReadOnly), qPrintable(kept.fileName()));
    const QByteArray document = kept.readAll();
    const HttpReply served = call("GET", u"/openapi.json"_s, QString());
    QCOMPARE(served.status, 200);
    QCOMPARE(served.body, document);

    const QJsonObject openApi = QJsonDocument::fromJson(document).object();
    QVERIFY(openApi.value(u"openapi"_s).toString().startsWith(u"3."_s));
    QSet<QString> documented;
    const QJsonObject paths = openApi.value(u"paths"_s).toObject();
    for (auto path = paths.begin(); path != paths.end(); ++path) {
        const QJsonObject operations = path.value().toObject();
        for (auto operation = operations.begin(); operation != operations.end(); ++operation)
            documented.insert(operation.key().toUpper() + u' ' + path.key());
    }
    QSet<QString> routed;
    for (const ApiRoute &route : apiRoutes())
        routed.insert(QString::fromLatin1(route.method) + u' ' + route.path);
    QCOMPARE(documented, routed);

    // And the running server answers each documented operation as itself, not as a missing
    // route (404 "not found") or a wrong method (405).
    const QString someId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    for (const QString &operation : std::as_const(documented)) {
        const QByteArray verb = operation.section(u' ', 0, 0).toLatin1();
        const QString path = operation.section(u' ', 1).replace(u"{id}"_s, someId);
        const HttpReply reply = call(verb, path, m_mei, verb == "POST" ? QByteArray("{}") : QByteArray());
        QVERIFY2(reply.status != 405 && jsonObject(reply).value(u"error"_s).toString() != u"not found"_s,
                 qPrintable(operation + u": "_s + describe(reply)));
    }
}

QTEST_GUILESS_MAIN(HttpApiTest)
#include "tst_httpapi.moc"
