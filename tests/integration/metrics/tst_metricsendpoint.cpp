// MetricsServer in-process, as the GUI uses it: it listens on its own thread with its
// own connection, says 503 with the reason when the database does not answer, reports a
// port in use through failed(), stops listening when destroyed, and listens beyond
// loopback only with a bearer token, which /metrics then requires.

#include "ExpositionParser.h"
#include "MetricsServer.h"
#include "MetricsTesting.h"
#include "TestDatabase.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

// Starts `server` on `address` and waits for its answer; the URL, or empty with `why`.
QUrl startOn(MetricsServer &server, const QHostAddress &address, quint16 port, QString &why)
{
    QSignalSpy listening(&server, &MetricsServer::listening);
    QSignalSpy failed(&server, &MetricsServer::failed);
    server.start(address, port);
    if (!QTest::qWaitFor([&] { return !listening.isEmpty() || !failed.isEmpty(); }, 10000)) {
        why = u"neither listening() nor failed() within 10 s"_s;
        return {};
    }
    if (!failed.isEmpty()) {
        why = failed.first().first().toString();
        return {};
    }
    return listening.first().first().toUrl();
}

QUrl startOnLoopback(MetricsServer &server, quint16 port, QString &why)
{
    return startOn(server, QHostAddress(QHostAddress::LocalHost), port, why);
}

} // namespace

class MetricsEndpointTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void servesMetricsAndHealthFromItsOwnThread();
    void anUnreachableDatabaseIs503WithTheReason();
    void aPortInUseIsReportedThroughFailed();
    void destroyingTheServerStopsListening();
    void beyondLoopbackOnlyWithABearerToken();
};

void MetricsEndpointTest::servesMetricsAndHealthFromItsOwnThread()
{
    TestDatabase db;
    STEWARD_VERIFY_OK(db.setUp());
    MetricsServer server(db.monitorUrl());
    QString why;
    const QUrl url = startOnLoopback(server, 0, why);
    QVERIFY2(url.isValid(), qPrintable(why));
    QCOMPARE(server.url(), url);
    QCOMPARE(url.host(), u"127.0.0.1"_s);

    QNetworkAccessManager network;
    const HttpReply metrics = httpRequest(network, "GET", url.resolved(QUrl(u"/metrics"_s)));
    QCOMPARE(metrics.status, 200);
    QCOMPARE(metrics.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
    const ParsedExposition parsed = parseExposition(metrics.body);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.types.size(), 7);
    // No profile yet: the gauge has no series, but the family is declared.
    QVERIFY(parsed.named(u"metadata_quality_score"_s).isEmpty());
    QCOMPARE(parsed.types.value(u"metadata_quality_score"_s), u"gauge"_s);

    const HttpReply health = httpRequest(network, "GET", url.resolved(QUrl(u"/healthz"_s)));
    QCOMPARE(health.status, 200);
    QCOMPARE(QJsonDocument::fromJson(health.body).object().value(u"status"_s).toString(), u"ok"_s);
}

void MetricsEndpointTest::anUnreachableDatabaseIs503WithTheReason()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    MetricsServer server(DatabaseUrl::sqlite(dir.filePath(u"missing-folder/steward.db"_s)));
    QString why;
    const QUrl url = startOnLoopback(server, 0, why);
    QVERIFY2(url.isValid(), qPrintable(why)); // the endpoint itself still comes up

    QNetworkAccessManager network;
    const HttpReply health = httpRequest(network, "GET", url.resolved(QUrl(u"/healthz"_s)));
    QCOMPARE(health.status, 503);
    const QJsonObject body = QJsonDocument::fromJson(health.body).object();
    QCOMPARE(body.value(u"status"_s).toString(), u"unavailable"_s);
    QVERIFY2(body.value(u"error"_s).toString().contains(u"folder does not exist"_s), health.body.constData());
    QCOMPARE(httpRequest(network, "GET", url.resolved(QUrl(u"/metrics"_s))).status, 503);

    // An empty database answers but holds no schema: still not healthy.
    QTemporaryDir emptyDir;
    MetricsServer empty(DatabaseUrl::sqlite(emptyDir.filePath(u"empty.db"_s)));
    const QUrl emptyUrl = startOnLoopback(empty, 0, why);
    QVERIFY2(emptyUrl.isValid(), qPrintable(why));
    const HttpReply noSchema = httpRequest(network, "GET", emptyUrl.resolved(QUrl(u"/healthz"_s)));
    QCOMPARE(noSchema.status, 503);
    QVERIFY(!QJsonDocument::fromJson(noSchema.body).object().value(u"error"_s).toString().isEmpty());
}

void MetricsEndpointTest::aPortInUseIsReportedThroughFailed()
{
    QTcpServer occupant;
    QVERIFY(occupant.listen(QHostAddress(QHostAddress::LocalHost), 0));
    TestDatabase db;
    STEWARD_VERIFY_OK(db.setUp());
    MetricsServer server(db.monitorUrl());
    QString why;
    const QUrl url = startOnLoopback(server, occupant.serverPort(), why);
    QVERIFY(!url.isValid());
    QVERIFY2(why.contains(QString::number(occupant.serverPort())), qPrintable(why));
    QVERIFY2(why.contains(u"127.0.0.1"_s), qPrintable(why));
}

void MetricsEndpointTest::destroyingTheServerStopsListening()
{
    TestDatabase db;
    STEWARD_VERIFY_OK(db.setUp());
    quint16 port = 0;
    {
        MetricsServer server(db.monitorUrl());
        QString why;
        const QUrl url = startOnLoopback(server, 0, why);
        QVERIFY2(url.isValid(), qPrintable(why));
        port = quint16(url.port());
    }
    QTcpSocket socket;
    socket.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QVERIFY(!socket.waitForConnected(2000));
    QCOMPARE(socket.error(), QAbstractSocket::ConnectionRefusedError);
}

void MetricsEndpointTest::beyondLoopbackOnlyWithABearerToken()
{
    TestDatabase db;
    STEWARD_VERIFY_OK(db.setUp());
    const DatabaseUrl url = db.monitorUrl();
    QString why;
    MetricsServer open(url);
    QVERIFY(!startOn(open, QHostAddress(QHostAddress::AnyIPv4), 0, why).isValid());
    QVERIFY2(why.contains(u"without a bearer token"_s), qPrintable(why));

    const QByteArray token = QByteArrayLiteral("gui-endpoint-token-123456");
    auto access = metrics::MetricsAccess::withToken(token, u"the test"_s);
    QVERIFY2(access, qPrintable(access ? QString() : access.error().text()));
    MetricsServer guarded(url, access.value());
    QUrl served = startOn(guarded, QHostAddress(QHostAddress::AnyIPv4), 0, why);
    QVERIFY2(served.isValid(), qPrintable(why));
    served.setHost(u"127.0.0.1"_s);
    QNetworkAccessManager network;
    const QUrl metrics = served.resolved(QUrl(u"/metrics"_s));
    QCOMPARE(httpRequest(network, "GET", metrics).status, 401);
    QCOMPARE(httpRequest(network, "GET", metrics, 10000, {{"Authorization", "Bearer " + token}}).status, 200);
    QCOMPARE(httpRequest(network, "GET", served.resolved(QUrl(u"/healthz"_s))).status, 200);
}

QTEST_GUILESS_MAIN(MetricsEndpointTest)
#include "tst_metricsendpoint.moc"
