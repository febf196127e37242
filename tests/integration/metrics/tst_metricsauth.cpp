// Who may read /metrics through steward-cli serve: this computer only, unless a bearer
// token is configured (--metrics-token-file or $STEWARD_METRICS_TOKEN); with one, any
// address, and /metrics answers 401 to every request without "Authorization: Bearer
// <token>". /healthz stays open.

#include "ExpositionParser.h"
#include "MetricsTesting.h"
#include "TestDatabase.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace steward;
using namespace steward::testing;

namespace {

constexpr int Usage = 2;
const QByteArray kToken = QByteArrayLiteral("s3cr3t-scrape-token-0123456789");

// Where a client reaches a server that printed a wildcard address.
QUrl reachable(QUrl url)
{
    if (url.host() == u"0.0.0.0"_s)
        url.setHost(u"127.0.0.1"_s);
    else if (url.host() == u"::"_s)
        url.setHost(u"::1"_s);
    return url;
}

HttpHeaders authorization(const QByteArray &value)
{
    return {{QByteArrayLiteral("Authorization"), value}};
}

} // namespace

class MetricsAuthTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void aWiderBindWithoutATokenIsRefusedInOneLine_data();
    void aWiderBindWithoutATokenIsRefusedInOneLine();
    void anUnusableTokenIsRefused_data();
    void anUnusableTokenIsRefused();
    void withATokenFileAnyAddressServesAndMetricsNeedsTheToken();
    void theEnvironmentTokenGuardsLoopbackToo();

private:
    QString writeFile(const QString &name, const QByteArray &content) const;

    TestDatabase m_db;
    CliFixture m_cli;
    QNetworkAccessManager m_network;
};

void MetricsAuthTest::initTestCase()
{
    STEWARD_VERIFY_OK(m_db.setUp());
    const QString problem = m_cli.setUp();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    m_cli.setDatabasePath(m_db.path());
}

void MetricsAuthTest::init()
{
    m_cli.setEnvironmentVariable(u"STEWARD_METRICS_TOKEN"_s, {});
}

QString MetricsAuthTest::writeFile(const QString &name, const QByteArray &content) const
{
    const QString path = m_cli.dir() + u'/' + name;
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void MetricsAuthTest::aWiderBindWithoutATokenIsRefusedInOneLine_data()
{
    QTest::addColumn<QString>("address");
    QTest::newRow("every IPv4 address") << u"0.0.0.0"_s;
    QTest::newRow("every IPv6 address") << u"::"_s;
    QTest::newRow("a network address") << u"192.0.2.10"_s;
}

void MetricsAuthTest::aWiderBindWithoutATokenIsRefusedInOneLine()
{
    QFETCH(QString, address);
    const CliRun run = m_cli.run({u"serve"_s, u"--bind"_s, address, u"--port"_s, u"0"_s});
    QCOMPARE(run.exitCode, Usage);
    QVERIFY2(run.err.startsWith(u"steward-cli: "_s) && run.err.count(u'\n') == 1, qPrintable(run.err));
    QVERIFY2(run.err.contains(u"without a bearer token"_s), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"--metrics-token-file"_s) && run.err.contains(u"STEWARD_METRICS_TOKEN"_s),
             qPrintable(run.err)); // says how to fix it
    QVERIFY2(!run.out.contains(u"listening"_s), qPrintable(run.out));
}

void MetricsAuthTest::anUnusableTokenIsRefused_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("variable");
    QTest::addColumn<QString>("message");
    const QStringList wide{u"serve"_s, u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s};
    QTest::newRow("no such file") << wide + QStringList{u"--metrics-token-file"_s, u"/nonexistent/token"_s}
                                  << QString() << u"cannot read the metrics token file"_s;
    QTest::newRow("short file") << wide + QStringList{u"--metrics-token-file"_s, u"short"_s} << QString()
                                << u"at least 16 characters"_s;
    QTest::newRow("empty file") << wide + QStringList{u"--metrics-token-file"_s, u"empty"_s} << QString()
                                << u"at least 16 characters"_s;
    QTest::newRow("spaces in the variable") << wide << u"a token with spaces in it"_s << u"without spaces"_s;
    QTest::newRow("short variable, loopback") << QStringList{u"serve"_s, u"--port"_s, u"0"_s} << u"abc"_s
                                              << u"at least 16 characters"_s;
}

void MetricsAuthTest::anUnusableTokenIsRefused()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, variable);
    QFETCH(QString, message);
    const qsizetype file = arguments.indexOf(u"--metrics-token-file"_s);
    if (file >= 0 && !arguments.at(file + 1).startsWith(u'/'))
        arguments[file + 1] = writeFile(arguments.at(file + 1), arguments.at(file + 1) == u"short"_s ? "tiny\n" : "");
    m_cli.setEnvironmentVariable(u"STEWARD_METRICS_TOKEN"_s, variable);
    const CliRun run = m_cli.run(arguments);
    QCOMPARE(run.exitCode, Usage);
    QVERIFY2(run.err.contains(message) && run.err.count(u'\n') == 1, qPrintable(run.err));
    QVERIFY2(!run.out.contains(u"listening"_s), qPrintable(run.out));
}

void MetricsAuthTest::withATokenFileAnyAddressServesAndMetricsNeedsTheToken()
{
    const QString tokenFile = writeFile(u"metrics.token"_s, kToken + '\n'); // as `echo` writes it
    QUrl url;
    QString why;
    auto serve = m_cli.startServe(
        {u"--bind"_s, u"0.0.0.0"_s, u"--port"_s, u"0"_s, u"--metrics-token-file"_s, tokenFile}, url, why);
    QVERIFY2(serve, qPrintable(why));
    url = reachable(url);
    const QUrl metricsUrl = url.resolved(QUrl(u"/metrics"_s));

    const HttpReply anonymous = httpRequest(m_network, "GET", metricsUrl);
    QCOMPARE(anonymous.status, 401);
    QVERIFY2(anonymous.wwwAuthenticate.startsWith("Bearer"), anonymous.wwwAuthenticate.constData());
    QVERIFY2(!anonymous.body.contains("metadata_"), anonymous.body.constData()); // nothing leaks
    for (const QByteArray &wrong : {QByteArray("Bearer ") + kToken.chopped(1), QByteArray("Bearer ") + kToken + 'x',
                                    QByteArray("Basic ") + kToken.toBase64(), kToken, QByteArray("Bearer ")}) {
        const HttpReply refused = httpRequest(m_network, "GET", metricsUrl, 10000, authorization(wrong));
        QVERIFY2(refused.status == 401, wrong.constData());
    }

    const HttpReply admitted = httpRequest(m_network, "GET", metricsUrl, 10000, authorization("Bearer " + kToken));
    QCOMPARE(admitted.status, 200);
    const ParsedExposition parsed = parseExposition(admitted.body);
    QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
    QCOMPARE(parsed.types.size(), 7);
    // The scheme is case-insensitive (RFC 7235), the token is not.
    QCOMPARE(httpRequest(m_network, "GET", metricsUrl, 10000, authorization("bearer " + kToken)).status, 200);
    QCOMPARE(httpRequest(m_network, "GET", metricsUrl, 10000, authorization("Bearer " + kToken.toUpper())).status,
             401);

    QCOMPARE(httpRequest(m_network, "GET", url.resolved(QUrl(u"/healthz"_s))).status, 200);
    QVERIFY(terminateCleanly(*serve, why));
}

void MetricsAuthTest::theEnvironmentTokenGuardsLoopbackToo()
{
    m_cli.setEnvironmentVariable(u"STEWARD_METRICS_TOKEN"_s, QString::fromLatin1(kToken));
    QUrl url;
    QString why;
    auto serve = m_cli.startServe({u"--port"_s, u"0"_s}, url, why);
    QVERIFY2(serve, qPrintable(why));
    QCOMPARE(url.host(), u"127.0.0.1"_s);
    const QUrl metricsUrl = url.resolved(QUrl(u"/metrics"_s));
    QCOMPARE(httpRequest(m_network, "GET", metricsUrl).status, 401);
    QCOMPARE(httpRequest(m_network, "GET", metricsUrl, 10000, authorization("Bearer " + kToken)).status, 200);
    QVERIFY(terminateCleanly(*serve, why));
}

QTEST_GUILESS_MAIN(MetricsAuthTest)
#include "tst_metricsauth.moc"
