// What the HTTP API refuses, and how it holds up: bearer tokens created, listed, revoked
// and expired (kept only as their hash); identity headers only on loopback and only for
// roles held; a per-token rate limit; a suite of bad input, each answered with its 4xx and
// leaving every table exactly as it was; slow and oversized clients cut off while others
// are served.

#include "ApiTesting.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QNetworkReply>
#include <QSslCertificate>
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

} // namespace

class HttpApiGuardTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void tokensAreCreatedListedRevokedAndExpire();
    void aTokenOverItsRateIs429AndOthersGoOn();
    void identityHeadersOnlyOnLoopbackAndOnlyHeldRoles();
    void badInputGetsA4xxAndChangesNothing_data();
    void badInputGetsA4xxAndChangesNothing();
    void aSlowOrOversizedClientDoesNotStopOthers();
    void servesHttpsWithTheGivenCertificate();

private:
    ApiServerFixture m_api;
};

void HttpApiGuardTest::initTestCase()
{
    const QString problem = m_api.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void HttpApiGuardTest::cleanupTestCase()
{
    const QString problem = m_api.tearDown();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
}

void HttpApiGuardTest::tokensAreCreatedListedRevokedAndExpire()
{
    const CliRun created = m_api.cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"create"_s});
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
    QCOMPARE(m_api.scalar(u"SELECT token_hash FROM mdm_api_token WHERE id = ?"_s, {tokenId}).toString(), expectedHash);
    QFile file(m_api.cli.databasePath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains(secret.mid(4, 20).toLatin1()));
    QFile wal(m_api.cli.databasePath() + u"-wal"_s);
    if (wal.open(QIODevice::ReadOnly))
        QVERIFY(!wal.readAll().contains(secret.mid(4, 20).toLatin1()));

    QCOMPARE(m_api.call("GET", u"/approvals?limit=1"_s, secret).status, 200);
    const CliRun listed = m_api.cli.run({u"token"_s, u"list"_s, u"--user"_s, u"jonas.weber"_s});
    QVERIFY2(listed.exitCode == 0 && listed.out.contains(tokenId) && !listed.out.contains(secret),
             qPrintable(listed.out + listed.err));

    const CliRun revoked = m_api.cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"revoke"_s, tokenId});
    QVERIFY2(revoked.exitCode == 0, qPrintable(revoked.err));
    HttpReply reply = m_api.call("GET", u"/approvals?limit=1"_s, secret);
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonObject(reply).value(u"error"_s).toString(), u"the token has been revoked"_s);
    QVERIFY(m_api.cli.run({u"token"_s, u"list"_s}).out.contains(u"revoked"_s));
    QCOMPARE(m_api.cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"revoke"_s, tokenId}).exitCode, 4);

    // Expiry: works until the moment given, then 401.
    const QDateTime soon = QDateTime::currentDateTimeUtc().addSecs(2);
    QString why;
    const QString brief = createToken(m_api.cli, u"jonas.weber"_s, why,
                                      {u"--expires"_s, soon.toString(Qt::ISODate)});
    QVERIFY2(!brief.isEmpty(), qPrintable(why));
    QCOMPARE(m_api.call("GET", u"/approvals?limit=1"_s, brief).status, 200);
    QTest::qWait(int(QDateTime::currentDateTimeUtc().msecsTo(soon)) + 300);
    reply = m_api.call("GET", u"/approvals?limit=1"_s, brief);
    QCOMPARE(reply.status, 401);
    QCOMPARE(jsonObject(reply).value(u"error"_s).toString(), u"the token has expired"_s);

    // Refused: a time in the past, a user the tenant does not have, no user.
    QCOMPARE(m_api.cli.run({u"--user"_s, u"jonas.weber"_s, u"token"_s, u"create"_s, u"--expires"_s, u"2001-01-01"_s})
                 .exitCode,
             Usage);
    QCOMPARE(m_api.cli.run({u"--user"_s, u"nobody"_s, u"token"_s, u"create"_s}).exitCode, 3);
    QCOMPARE(m_api.cli.run({u"token"_s, u"create"_s}).exitCode, Usage);
}

void HttpApiGuardTest::aTokenOverItsRateIs429AndOthersGoOn()
{
    QUrl url;
    QString why;
    auto server = m_api.cli.startServe({u"--port"_s, u"0"_s, u"--rate-limit"_s, u"1"_s}, url, why);
    QVERIFY2(server, qPrintable(why));
    int limited = 0;
    QByteArray retryAfter;
    for (int i = 0; i < 5; ++i) {
        const HttpReply reply = apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, m_api.raj);
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
    QCOMPARE(apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, m_api.jonas).status, 200);
    QVERIFY2(terminateCleanly(*server, why), qPrintable(why));
}

void HttpApiGuardTest::identityHeadersOnlyOnLoopbackAndOnlyHeldRoles()
{
    // Refused beyond loopback, before anything listens.
    const CliRun refused = m_api.cli.run({u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s,
                                      u"--trust-identity-headers"_s, u"--metrics-token-file"_s, u"/dev/null"_s});
    QCOMPARE(refused.exitCode, Usage);
    QFile tokenFile(m_api.cli.dir() + u"/metrics.token"_s);
    QVERIFY(tokenFile.open(QIODevice::WriteOnly));
    tokenFile.write("a-metrics-token-of-some-length\n");
    tokenFile.close();
    const CliRun refusedWithToken =
        m_api.cli.run({u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--trust-identity-headers"_s,
                   u"--metrics-token-file"_s, tokenFile.fileName()});
    QCOMPARE(refusedWithToken.exitCode, Usage);
    QVERIFY2(refusedWithToken.err.contains(u"loopback"_s), qPrintable(refusedWithToken.err));

    // Without the switch the headers are not an identity.
    const HttpHeaders jonas{{"x-tenant-id", Demo::Tenant.toLatin1()}, {"x-user-id", "jonas.weber"},
                            {"x-role", "metadata_steward"}};
    QCOMPARE(m_api.call("GET", u"/approvals?limit=1"_s, QString(), {}, jonas).status, 401);

    QUrl url;
    QString why;
    auto server = m_api.cli.startServe({u"--port"_s, u"0"_s, u"--trust-identity-headers"_s}, url, why);
    QVERIFY2(server, qPrintable(why));
    QCOMPARE(apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, jonas).status, 200);
    const HttpHeaders notHeld{{"x-tenant-id", Demo::Tenant.toLatin1()}, {"x-user-id", "jonas.weber"},
                              {"x-role", "kernel_architect"}};
    HttpReply reply = apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, notHeld);
    QCOMPARE(reply.status, 403);
    QCOMPARE(jsonObject(reply).value(u"field"_s).toString(), u"x-role"_s);
    const HttpHeaders otherTenant{{"x-tenant-id", Demo::OtherTenant.toLatin1()}, {"x-user-id", "jonas.weber"},
                                  {"x-role", "metadata_steward"}};
    QCOMPARE(apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, otherTenant).status, 403);
    const HttpHeaders partial{{"x-user-id", "jonas.weber"}};
    QCOMPARE(apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, QString(), {}, partial).status, 401);
    // A decision made in header mode is the named user's, under the same rules.
    const QString id = m_api.pendingForJonas();
    reply = apiRequest(m_api.network, url, "POST", u"/approvals/%1/reject"_s.arg(id), QString(),
                       R"({"reason":"Rejected in header mode"})", jonas);
    QVERIFY2(reply.status == 200 || reply.status == 409, qPrintable(describe(reply)));
    if (reply.status == 200)
        QCOMPARE(m_api.scalar(u"SELECT decided_by FROM mdm_approval WHERE id = ?"_s, {id}).toString(), u"jonas.weber"_s);
    QVERIFY2(terminateCleanly(*server, why), qPrintable(why));
}

void HttpApiGuardTest::badInputGetsA4xxAndChangesNothing_data()
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

void HttpApiGuardTest::badInputGetsA4xxAndChangesNothing()
{
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    // A pending governed request jonas may decide, so only the input is wrong.
    const QString pending = m_api.pendingForJonas();
    QVERIFY(!pending.isEmpty());
    path.replace(u"PENDING"_s, pending);

    const QString before = databaseFingerprint(m_api.db);
    QUrl url = m_api.url;
    const QString rawPath = path.section(u'?', 0, 0);
    url.setPath(rawPath, QUrl::TolerantMode);
    if (path.contains(u'?'))
        url.setQuery(path.section(u'?', 1), QUrl::TolerantMode);
    const HttpReply reply =
        httpRequest(m_api.network, verb, url, 20000, {{"Authorization", "Bearer " + m_api.jonas.toLatin1()}}, body);
    QVERIFY2(reply.status == status, qPrintable(describe(reply)));
    const QJsonObject error = jsonObject(reply);
    QVERIFY2(!error.value(u"error"_s).toString().isEmpty(), reply.body.constData());
    // Never a stack trace or the server's SQL (the input itself may be quoted back).
    for (const QString &word : {u"SELECT "_s, u"INSERT INTO"_s, u"sqlite"_s, u"QSql"_s, u"syntax error"_s,
                               u"constraint"_s, u"steward::"_s})
        QVERIFY2(!QString::fromUtf8(reply.body).contains(word, Qt::CaseInsensitive), reply.body.constData());
    QCOMPARE(databaseFingerprint(m_api.db), before);
}

void HttpApiGuardTest::aSlowOrOversizedClientDoesNotStopOthers()
{
    QUrl url;
    QString why;
    auto server = m_api.cli.startServe({u"--port"_s, u"0"_s, u"--request-timeout"_s, u"1"_s}, url, why);
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
        QCOMPARE(apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, m_api.raj).status, 200);
    QVERIFY2(timer.elapsed() < 900, qPrintable(QString::number(timer.elapsed())));

    QTRY_VERIFY_WITH_TIMEOUT(endless.bytesAvailable() > 0, 5000);
    QVERIFY2(endless.readAll().startsWith("HTTP/1.1 431"), "a header over the limit is refused");
    // The slow client is cut off after the request timeout, without an answer.
    QTRY_COMPARE_WITH_TIMEOUT(slow.state(), QAbstractSocket::UnconnectedState, 5000);
    QVERIFY(slow.readAll().isEmpty());
    QVERIFY2(timer.elapsed() >= 900, "not before its time");
    QCOMPARE(apiRequest(m_api.network, url, "GET", u"/approvals?limit=1"_s, m_api.raj).status, 200);
    QVERIFY2(terminateCleanly(*server, why), qPrintable(why));
}

void HttpApiGuardTest::servesHttpsWithTheGivenCertificate()
{
    // A self-signed certificate for 127.0.0.1, made by the openssl command.
    const QString certificate = m_api.cli.dir() + u"/cert.pem"_s;
    const QString key = m_api.cli.dir() + u"/key.pem"_s;
    QProcess openssl;
    openssl.start(u"openssl"_s, {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, key,
                                 u"-out"_s, certificate, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                                 u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
    QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
             qPrintable(u"openssl is needed to make a test certificate (apt-get install openssl): "_s +
                        openssl.errorString() + QString::fromUtf8(openssl.readAllStandardError())));

    // A key that is not one is refused at start.
    const CliRun badKey =
        m_api.cli.run({u"serve"_s, u"--port"_s, u"0"_s, u"--tls-cert"_s, certificate, u"--tls-key"_s, certificate});
    QCOMPARE(badKey.exitCode, Usage);
    QVERIFY2(badKey.err.contains(u"private key"_s), qPrintable(badKey.err));

    QUrl url;
    QString why;
    auto server = m_api.cli.startServe(
        {u"--port"_s, u"0"_s, u"--tls-cert"_s, certificate, u"--tls-key"_s, key}, url, why);
    QVERIFY2(server, qPrintable(why));
    QCOMPARE(url.scheme(), u"https"_s);

    // The client trusts exactly this certificate.
    const QList<QSslCertificate> ours = QSslCertificate::fromPath(certificate);
    QCOMPARE(ours.size(), 1);
    QNetworkAccessManager network;
    QList<QSslCertificate> presented;
    connect(&network, &QNetworkAccessManager::sslErrors, this,
            [&](QNetworkReply *reply, const QList<QSslError> &errors) {
                presented.append(reply->sslConfiguration().peerCertificate());
                if (reply->sslConfiguration().peerCertificate() == ours.first())
                    reply->ignoreSslErrors(errors);
            });
    const HttpReply secure = apiRequest(network, url, "GET", u"/approvals?limit=1"_s, m_api.jonas);
    QVERIFY2(secure.status == 200, qPrintable(describe(secure)));
    QVERIFY(presented.contains(ours.first()));

    // Plain HTTP on the TLS port gets no answer.
    QUrl plain = url;
    plain.setScheme(u"http"_s);
    QCOMPARE(apiRequest(network, plain, "GET", u"/healthz"_s, QString()).status, 0);
    QVERIFY2(terminateCleanly(*server, why), qPrintable(why));
}

QTEST_GUILESS_MAIN(HttpApiGuardTest)
#include "tst_httpapiguard.moc"
