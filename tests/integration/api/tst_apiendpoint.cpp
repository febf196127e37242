// The HTTP API in-process on a real loopback socket, on both engines: on SQLite, and as
// tst_apiendpoint_postgresql on the team database through the service login steward-cli
// serve uses there (it signs in as each caller, and the database's own guard decides).
// Submit, read with the diff, list, approve, reject and the refusals, with the trail in order.

#include "ApiTesting.h"
#include "MetricsServer.h"
#include "TestDatabase.h"
#include "api/ApiTokenService.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

class ApiEndpointTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void submitReadListAndDecide();
    void refusalsKeepTheirStatus();

private:
    QString token(const QString &user)
    {
        auto issued = ApiTokenService(m_db.database()).issue(TestDatabase::tenantId(), user, {},
                                                             QDateTime::currentDateTimeUtc());
        return issued ? QString::fromLatin1(issued.value().secret) : QString();
    }
    HttpReply call(const QByteArray &verb, const QString &path, const QString &token, const QByteArray &body = {})
    {
        return apiRequest(m_network, m_url, verb, path, token, body);
    }
    QString submitGlossary(const QString &key)
    {
        const HttpReply reply = call("POST", u"/approvals"_s, m_owner,
                                     createBody(u"GLOSSARY"_s, key, u"tier3"_s, u"governed"_s, u"metadata_steward"_s));
        return reply.status == 201 ? jsonObject(reply).value(u"id"_s).toString() : describe(reply);
    }

    TestDatabase m_db;
    std::unique_ptr<MetricsServer> m_server;
    QNetworkAccessManager m_network;
    QUrl m_url;
    QString m_owner;
    QString m_steward;
    QString m_viewer;
};

void ApiEndpointTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    m_owner = token(Users::Owner);
    m_steward = token(Users::Steward);
    m_viewer = token(Users::Viewer);
    QVERIFY(!m_owner.isEmpty() && !m_steward.isEmpty() && !m_viewer.isEmpty());

    ServeOptions options;
    options.api = true;
    m_server = std::make_unique<MetricsServer>(m_db.url(), metrics::MetricsAccess(), options);
    QSignalSpy listening(m_server.get(), &MetricsServer::listening);
    QSignalSpy failed(m_server.get(), &MetricsServer::failed);
    m_server->start(QHostAddress(QHostAddress::LocalHost), 0);
    QVERIFY(QTest::qWaitFor([&] { return !listening.isEmpty() || !failed.isEmpty(); }, 10000));
    QVERIFY2(failed.isEmpty(), failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
    m_url = listening.first().first().toUrl();
}

void ApiEndpointTest::submitReadListAndDecide()
{
    const QString approved = submitGlossary(u"api.endpoint.approved"_s);
    const QString rejected = submitGlossary(u"api.endpoint.rejected"_s);
    QVERIFY2(!QUuid::fromString(approved).isNull(), qPrintable(approved));
    QVERIFY2(!QUuid::fromString(rejected).isNull(), qPrintable(rejected));

    const HttpReply shown = call("GET", u"/approvals/"_s + approved, m_viewer);
    QCOMPARE(shown.status, 200);
    QCOMPARE(jsonObject(shown).value(u"requestedBy"_s).toString(), Users::Owner);
    QVERIFY(jsonObject(shown).value(u"diff"_s).toObject().value(u"changes"_s).toArray().size() >= 4);

    const HttpReply listed = call("GET", u"/approvals?entityType=GLOSSARY&limit=1"_s, m_viewer);
    QCOMPARE(listed.status, 200);
    QCOMPARE(jsonObject(listed).value(u"items"_s).toArray().size(), 1);
    const QString cursor = jsonObject(listed).value(u"nextCursor"_s).toString();
    QVERIFY(!cursor.isEmpty());
    const HttpReply next = call("GET", u"/approvals?entityType=GLOSSARY&limit=1&cursor="_s + cursor, m_viewer);
    QCOMPARE(next.status, 200);
    QCOMPARE(jsonObject(next).value(u"items"_s).toArray().at(0)[u"id"_s].toString(), rejected);

    HttpReply reply = call("POST", u"/approvals/%1/approve"_s.arg(approved), m_steward, R"({"reason":"Fine"})");
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));
    QCOMPARE(jsonObject(reply).value(u"decidedBy"_s).toString(), Users::Steward);
    reply = call("POST", u"/approvals/%1/reject"_s.arg(rejected), m_steward, R"({"reason":"Duplicate"})");
    QVERIFY2(reply.status == 200, qPrintable(describe(reply)));

    QCOMPARE(m_db.scalar(u"SELECT status FROM mdm_approval WHERE id = ?"_s, {approved}).toString(), u"approved"_s);
    QCOMPARE(m_db.scalar(u"SELECT decided_by FROM mdm_approval WHERE id = ?"_s, {rejected}).toString(),
             Users::Steward);
    QCOMPARE(m_db.scalar(u"SELECT COUNT(*) FROM mdm_glossary_term WHERE canonical_key = 'api.endpoint.approved'"_s)
                 .toInt(),
             1);
    const HttpReply trail = call("GET", u"/events?after=0&limit=1000"_s, m_viewer);
    QCOMPARE(trail.status, 200);
    QStringList types;
    for (const QJsonValue event : jsonObject(trail).value(u"items"_s).toArray()) {
        if (event[u"correlationId"_s].toString() == approved)
            types.append(event[u"type"_s].toString());
    }
    QCOMPARE(types, (QStringList{u"approval.requested"_s, u"glossary.term.updated"_s, u"approval.approved"_s}));
}

void ApiEndpointTest::refusalsKeepTheirStatus()
{
    const QString id = submitGlossary(u"api.endpoint.refused"_s);
    QVERIFY2(!QUuid::fromString(id).isNull(), qPrintable(id));
    // The owner decides nothing (role), the viewer submits nothing, the steward decides once.
    QCOMPARE(call("POST", u"/approvals/%1/approve"_s.arg(id), m_owner).status, 403);
    QCOMPARE(call("POST", u"/approvals"_s, m_viewer,
                  createBody(u"GLOSSARY"_s, u"api.endpoint.viewer"_s, u"tier3"_s, u"governed"_s,
                             u"metadata_steward"_s))
                 .status,
             403);
    QCOMPARE(call("POST", u"/approvals/%1/reject"_s.arg(id), m_steward, R"({"reason":" "})").status, 400);
    QCOMPARE(call("POST", u"/approvals/%1/cancel"_s.arg(id), m_steward).status, 403);
    QCOMPARE(call("POST", u"/approvals/%1/cancel"_s.arg(id), m_owner).status, 200);
    const HttpReply again = call("POST", u"/approvals/%1/approve"_s.arg(id), m_steward);
    QCOMPARE(again.status, 409);
    QVERIFY2(jsonObject(again).value(u"error"_s).toString().contains(u"cancelled"_s), again.body.constData());
    QCOMPARE(call("GET", u"/approvals/"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), m_viewer).status,
             404);
    QCOMPARE(call("GET", u"/approvals"_s, u"stw_unknown"_s).status, 401);
}

QTEST_GUILESS_MAIN(ApiEndpointTest)
#include "tst_apiendpoint.moc"
