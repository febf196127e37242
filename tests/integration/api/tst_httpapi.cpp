// The HTTP API of steward-cli serve on the demo database, over loopback with a real HTTP
// client: submit, list and approve every entity type and check what an operator checks in
// the database (status, decided_by, decided_at, the entity row, the events in order, a
// tier1 field's profile); keyset paging; every error status with its cause; idempotent
// resubmission; and the OpenAPI document against the server's routes.

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
    void theOpenApiDocumentMatchesTheRoutes();

private:
    ApiServerFixture m_api;
};

void HttpApiTest::initTestCase()
{
    const QString problem = m_api.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void HttpApiTest::cleanupTestCase()
{
    const QString problem = m_api.tearDown();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void HttpApiTest::submitListApproveEveryEntityType()
{
    for (const QString &type : kApprovalEvents.keys()) {
        const QString key = u"api.%1.created"_s.arg(type.toLower());
        const QString tier = type == u"GLOBAL_METADATA"_s ? u"tier2"_s : u"tier3"_s;
        const qint64 seqBefore = m_api.scalar(u"SELECT COALESCE(MAX(seq), 0) FROM mdm_event"_s).toLongLong();

        const HttpReply submitted = m_api.call("POST", u"/approvals"_s, m_api.raj,
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
            m_api.call("GET", u"/approvals?status=pending&entityType=%1&tier=%2&limit=500"_s.arg(type, tier), m_api.jonas);
        QVERIFY2(listed.status == 200, qPrintable(describe(listed)));
        bool found = false;
        for (const QJsonValue item : jsonObject(listed).value(u"items"_s).toArray()) {
            QCOMPARE(item[u"entityType"_s].toString(), type);
            QVERIFY(!item.toObject().contains(u"payload"_s));
            found = found || item[u"id"_s].toString() == id;
        }
        QVERIFY2(found, qPrintable(type));

        const HttpReply shown = m_api.call("GET", u"/approvals/"_s + id, m_api.jonas);
        QVERIFY2(shown.status == 200, qPrintable(describe(shown)));
        const QJsonObject diff = jsonObject(shown).value(u"diff"_s).toObject();
        QVERIFY2(diff.value(u"changes"_s).toArray().size() > 0, shown.body.constData());

        const HttpReply approved = m_api.call("POST", u"/approvals/%1/approve"_s.arg(id), m_api.jonas,
                                        R"({"reason":"Checked over HTTP"})");
        QVERIFY2(approved.status == 200, qPrintable(type + u": "_s + describe(approved)));
        QCOMPARE(jsonObject(approved).value(u"status"_s).toString(), u"approved"_s);

        // What an operator checks in the database.
        QSqlQuery row(m_api.db);
        row.prepare(u"SELECT status, decided_by, decided_at, decision_reason FROM mdm_approval WHERE id = ?"_s);
        row.addBindValue(id);
        QVERIFY(row.exec() && row.next());
        QCOMPARE(row.value(0).toString(), u"approved"_s);
        QCOMPARE(row.value(1).toString(), u"jonas.weber"_s);
        const QDateTime decidedAt = QDateTime::fromString(row.value(2).toString(), Qt::ISODateWithMs);
        QVERIFY2(decidedAt.isValid() && qAbs(decidedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120,
                 qPrintable(row.value(2).toString()));
        QCOMPARE(row.value(3).toString(), u"Checked over HTTP"_s);
        QCOMPARE(m_api.scalar(u"SELECT COUNT(*) FROM %1 WHERE tenant_id = ? AND canonical_key = ?"_s.arg(
                            kEntityTables.value(type)),
                        {Demo::Tenant, key})
                     .toInt(),
                 1);

        QStringList stored;
        QSqlQuery events(m_api.db);
        events.prepare(u"SELECT type FROM mdm_event WHERE correlation_id = ? ORDER BY seq"_s);
        events.addBindValue(id);
        QVERIFY(events.exec());
        while (events.next())
            stored.append(events.value(0).toString());
        QCOMPARE(stored, kApprovalEvents.value(type));

        // The audit trail over HTTP says the same, in the same order.
        const HttpReply trail = m_api.call("GET", u"/events?after=%1&limit=1000"_s.arg(seqBefore), m_api.mei);
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
    const HttpReply submitted = m_api.call("POST", u"/approvals"_s, m_api.raj,
                                     createBody(u"GLOBAL_METADATA"_s, key, u"tier1"_s, u"kernel"_s,
                                                u"kernel_architect"_s));
    QVERIFY2(submitted.status == 201, qPrintable(describe(submitted)));
    const QString id = jsonObject(submitted).value(u"id"_s).toString();
    // A steward may not decide a kernel-lane request; the architect may.
    QCOMPARE(m_api.call("POST", u"/approvals/%1/approve"_s.arg(id), m_api.jonas).status, 403);
    const HttpReply approved = m_api.call("POST", u"/approvals/%1/approve"_s.arg(id), m_api.tom);
    QVERIFY2(approved.status == 200, qPrintable(describe(approved)));
    QCOMPARE(m_api.scalar(u"SELECT COUNT(*) FROM mdm_event WHERE correlation_id = ? AND type = 'metadata.profile.due'"_s,
                    {id})
                 .toInt(),
             1);

    const int before = m_api.scalar(u"SELECT COUNT(*) FROM mdm_profile WHERE canonical_key = ?"_s, {key}).toInt();
    QCOMPARE(before, 0);
    const CliRun profile = m_api.cli.run({u"profile"_s, key, u"--now"_s});
    QVERIFY2(profile.exitCode == 0, qPrintable(profile.out + profile.err));
    QCOMPARE(m_api.scalar(u"SELECT COUNT(*) FROM mdm_profile WHERE canonical_key = ? AND status = 'completed' "
                    u"AND tier = 'tier1' AND quality_score IS NOT NULL"_s,
                    {key})
                 .toInt(),
             1);
}

void HttpApiTest::listPagesWithAKeysetCursor()
{
    // Every pending request exactly once, oldest first, pages of 7.
    const int pending = m_api.scalar(u"SELECT COUNT(*) FROM mdm_approval WHERE tenant_id = ? AND status = 'pending'"_s,
                               {Demo::Tenant})
                            .toInt();
    QVERIFY(pending > 20);
    QStringList seen;
    QString cursor;
    QString lastRequestedAt;
    for (int page = 0; page < 1000; ++page) {
        const QString path = cursor.isEmpty() ? u"/approvals?limit=7"_s
                                              : u"/approvals?limit=7&cursor="_s + QString::fromLatin1(QUrl::toPercentEncoding(cursor));
        const HttpReply reply = m_api.call("GET", path, m_api.mei);
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
    HttpReply reply = m_api.call("POST", u"/approvals"_s, m_api.raj, QJsonDocument(missingKey).toJson());
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonObject(reply).value(u"field"_s).toString(), u"entityKey"_s);

    // 401: no token, an unknown one.
    reply = m_api.call("GET", u"/approvals"_s, QString());
    QCOMPARE(reply.status, 401);
    QVERIFY(reply.wwwAuthenticate.startsWith("Bearer"));
    reply = m_api.call("GET", u"/approvals"_s, u"stw_not-a-token-anybody-issued"_s);
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonObject(reply).value(u"error"_s).toString(), u"unknown token"_s);

    // 403: role, four-eyes, viewer submitting.
    reply = m_api.call("POST", u"/approvals"_s, m_api.jonas,
                 createBody(u"GLOSSARY"_s, u"api.err.own"_s, u"tier3"_s, u"governed"_s, u"metadata_steward"_s));
    QCOMPARE(reply.status, 201);
    const QString own = jsonObject(reply).value(u"id"_s).toString();
    reply = m_api.call("POST", u"/approvals/%1/approve"_s.arg(own), m_api.jonas);
    QCOMPARE(reply.status, 403);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"four-eyes"_s), reply.body.constData());
    reply = m_api.call("POST", u"/approvals/%1/approve"_s.arg(own), m_api.raj);
    QCOMPARE(reply.status, 403);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"metadata_steward"_s), reply.body.constData());
    reply = m_api.call("POST", u"/approvals"_s, m_api.mei,
                 createBody(u"GLOSSARY"_s, u"api.err.viewer"_s, u"tier3"_s, u"governed"_s, u"metadata_steward"_s));
    QCOMPARE(reply.status, 403);

    // 404: no such request; another tenant's request is reported the same way.
    reply = m_api.call("GET", u"/approvals/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), m_api.jonas);
    QCOMPARE(reply.status, 404);
    const QString foreign = m_api.pendingIdOf(Demo::OtherTenant);
    QVERIFY(!foreign.isEmpty());
    QCOMPARE(m_api.call("GET", u"/approvals/"_s + foreign, m_api.jonas).status, 404);
    QCOMPARE(m_api.call("POST", u"/approvals/%1/approve"_s.arg(foreign), m_api.jonas).status, 404);
    QCOMPARE(m_api.call("GET", u"/nothing-here"_s, m_api.jonas).status, 404);

    // 405: a path with other methods.
    reply = m_api.call("DELETE", u"/approvals"_s, m_api.jonas);
    QCOMPARE(reply.status, 405);
    QCOMPARE(reply.allow, QByteArray("POST, GET"));

    // 409: already decided (who and when), rejection then approval, a create of a key that exists.
    reply = m_api.call("POST", u"/approvals/%1/reject"_s.arg(own), m_api.raj, R"({"reason":"no"})");
    QCOMPARE(reply.status, 403); // raj is not a steward
    reply = m_api.call("POST", u"/approvals/%1/reject"_s.arg(own), QString(m_api.tom), R"({"reason":"no"})");
    QCOMPARE(reply.status, 403); // nor is tom
    QString amara;
    {
        QString why;
        amara = createToken(m_api.cli, u"amara.okafor"_s, why);
        QVERIFY2(!amara.isEmpty(), qPrintable(why));
    }
    reply = m_api.call("POST", u"/approvals/%1/reject"_s.arg(own), amara, R"({"reason":""})");
    QCOMPARE(reply.status, 400);
    QCOMPARE(jsonObject(reply).value(u"field"_s).toString(), u"reason"_s);
    reply = m_api.call("POST", u"/approvals/%1/reject"_s.arg(own), amara, R"({"reason":"Duplicate term"})");
    QCOMPARE(reply.status, 200);
    reply = m_api.call("POST", u"/approvals/%1/approve"_s.arg(own), amara);
    QCOMPARE(reply.status, 409);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"already rejected by amara.okafor"_s),
             reply.body.constData());
    reply = m_api.call("POST", u"/approvals/%1/cancel"_s.arg(own), m_api.jonas);
    QCOMPARE(reply.status, 409);
    reply = m_api.call("POST", u"/approvals"_s, m_api.raj,
                 createBody(u"GLOSSARY"_s, u"api.glossary.created"_s, u"tier3"_s, u"governed"_s,
                            u"metadata_steward"_s));
    QCOMPARE(reply.status, 409);

    // 409 stale: two updates of one entity; once the first is approved, the second is stale.
    const QString entityId = m_api.scalar(u"SELECT id FROM mdm_glossary_term WHERE canonical_key = ?"_s,
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
    const HttpReply first = m_api.call("POST", u"/approvals"_s, m_api.raj, update(u"First rewording."_s));
    const HttpReply second = m_api.call("POST", u"/approvals"_s, m_api.raj, update(u"Second rewording."_s));
    QCOMPARE(first.status, 201);
    QCOMPARE(second.status, 201);
    QCOMPARE(m_api.call("POST", u"/approvals/%1/approve"_s.arg(jsonObject(first).value(u"id"_s).toString()), m_api.jonas)
                 .status,
             200);
    reply = m_api.call("POST", u"/approvals/%1/approve"_s.arg(jsonObject(second).value(u"id"_s).toString()), m_api.jonas);
    QCOMPARE(reply.status, 409);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"changed since the request was made"_s),
             reply.body.constData());

    // 413: over the body limit, refused before the body is read.
    reply = m_api.call("POST", u"/approvals"_s, m_api.raj, QByteArray(300 * 1024, 'x'));
    QCOMPARE(reply.status, 413);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"exceeds the limit"_s), reply.body.constData());
    // The server is fine afterwards.
    QCOMPARE(m_api.call("GET", u"/approvals?limit=1"_s, m_api.raj).status, 200);

    // 403 tenant: a token whose user no longer holds a role in its tenant.
    QString leaver;
    {
        QString why;
        leaver = createToken(m_api.cli, u"lena.fischer"_s, why);
        QVERIFY2(!leaver.isEmpty(), qPrintable(why));
    }
    QCOMPARE(m_api.call("GET", u"/approvals?limit=1"_s, leaver).status, 200);
    QSqlQuery removed(m_api.db);
    QVERIFY(removed.exec(u"DELETE FROM mdm_user_role WHERE user_id = 'lena.fischer'"_s));
    reply = m_api.call("GET", u"/approvals?limit=1"_s, leaver);
    QCOMPARE(reply.status, 403);
    QVERIFY2(jsonObject(reply).value(u"error"_s).toString().contains(u"no longer a user"_s), reply.body.constData());
}

void HttpApiTest::aRefusedRequestIsNeverHalfApplied()
{
    // A stale approval is refused as a whole: the entity, the request and the trail stay.
    const QString before = databaseFingerprint(m_api.db);
    const QString id =
        m_api.scalar(u"SELECT a.id FROM mdm_approval a JOIN mdm_glossary_term g ON g.canonical_key = a.entity_key "
               u"WHERE a.status = 'pending' AND a.entity_key = 'api.glossary.created'"_s)
            .toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(m_api.call("POST", u"/approvals/%1/approve"_s.arg(id), m_api.jonas).status, 409);
    QCOMPARE(databaseFingerprint(m_api.db), before);
}

void HttpApiTest::anIdempotencyKeyReturnsTheFirstResult()
{
    const QByteArray body =
        createBody(u"GLOSSARY"_s, u"api.idempotent"_s, u"tier4"_s, u"governed"_s, u"metadata_steward"_s);
    const HttpHeaders key{{QByteArrayLiteral("Idempotency-Key"), QByteArrayLiteral("etl-run-42/row-7")}};
    const HttpReply first = m_api.call("POST", u"/approvals"_s, m_api.raj, body, key);
    QVERIFY2(first.status == 201, qPrintable(describe(first)));
    const HttpReply again = m_api.call("POST", u"/approvals"_s, m_api.raj, body, key);
    QCOMPARE(again.status, 201);
    QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
    QCOMPARE(jsonObject(again).value(u"id"_s), jsonObject(first).value(u"id"_s));
    QCOMPARE(again.header("Location"), first.header("Location"));
    QCOMPARE(m_api.scalar(u"SELECT COUNT(*) FROM mdm_approval WHERE entity_key = 'api.idempotent'"_s).toInt(), 1);
    QCOMPARE(m_api.scalar(u"SELECT COUNT(*) FROM mdm_event WHERE type = 'approval.requested' AND correlation_id = ?"_s,
                    {jsonObject(first).value(u"id"_s).toString()})
                 .toInt(),
             1);

    // The same key with another body is a conflict; another user's same key is their own.
    const HttpReply changed = m_api.call("POST", u"/approvals"_s, m_api.raj,
                                   createBody(u"GLOSSARY"_s, u"api.idempotent.other"_s, u"tier4"_s, u"governed"_s,
                                              u"metadata_steward"_s),
                                   key);
    QCOMPARE(changed.status, 409);
    QCOMPARE(jsonObject(changed).value(u"field"_s).toString(), u"Idempotency-Key"_s);
    QCOMPARE(m_api.scalar(u"SELECT COUNT(*) FROM mdm_approval WHERE entity_key = 'api.idempotent.other'"_s).toInt(), 0);
    const HttpReply spaced = m_api.call("POST", u"/approvals"_s, m_api.raj, body, {{"Idempotency-Key", "two words"}});
    QCOMPARE(spaced.status, 400);
    QCOMPARE(jsonObject(spaced).value(u"field"_s).toString(), u"Idempotency-Key"_s);
}

void HttpApiTest::theOpenApiDocumentMatchesTheRoutes()
{
    QFile kept(QStringLiteral(STEWARD_OPENAPI_FILE));
    QVERIFY2(kept.open(QIODevice::ReadOnly), qPrintable(kept.fileName()));
    const QByteArray document = kept.readAll();
    const HttpReply served = m_api.call("GET", u"/openapi.json"_s, QString());
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
        const HttpReply reply = m_api.call(verb, path, m_api.mei, verb == "POST" ? QByteArray("{}") : QByteArray());
        QVERIFY2(reply.status != 405 && jsonObject(reply).value(u"error"_s).toString() != u"not found"_s,
                 qPrintable(operation + u": "_s + describe(reply)));
    }
}

QTEST_GUILESS_MAIN(HttpApiTest)
#include "tst_httpapi.moc"
