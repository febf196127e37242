#include "MetricsTesting.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace steward::testing {

QByteArray HttpReply::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

HttpReply httpRequest(QNetworkAccessManager &network, const QByteArray &verb, const QUrl &url, int timeoutMs,
                      const HttpHeaders &headers, const QByteArray &body)
{
    QNetworkRequest request(url);
    request.setTransferTimeout(timeoutMs);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    if (!body.isEmpty() && request.header(QNetworkRequest::ContentTypeHeader).isNull())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    std::unique_ptr<QNetworkReply> reply(body.isEmpty() ? network.sendCustomRequest(request, verb)
                                                        : network.sendCustomRequest(request, verb, body));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();

    HttpReply answer;
    if (!reply->isFinished()) {
        answer.error = u"no answer from %1 within %2 ms"_s.arg(url.toString()).arg(timeoutMs);
        return answer;
    }
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.contentType = reply->rawHeader("Content-Type");
    answer.allow = reply->rawHeader("Allow");
    answer.wwwAuthenticate = reply->rawHeader("WWW-Authenticate");
    answer.body = reply->readAll();
    answer.headers = reply->rawHeaderPairs();
    if (answer.status == 0)
        answer.error = reply->errorString();
    return answer;
}

QString CliFixture::setUp()
{
    m_cli = qEnvironmentVariable("STEWARD_CLI");
    if (m_cli.isEmpty() || !QFileInfo(m_cli).isExecutable())
        return u"STEWARD_CLI must name the steward-cli executable (ctest sets it), not \"%1\""_s.arg(m_cli);
    if (!m_dir.isValid())
        return u"no temporary folder: "_s + m_dir.errorString();
    return {};
}

QProcessEnvironment CliFixture::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"STEWARD_TENANT"_s);
    environment.remove(u"STEWARD_USER"_s);
    environment.insert(u"XDG_DATA_HOME"_s, m_dir.filePath(u"data-home"_s)); // never the real default database
    environment.remove(u"STEWARD_METRICS_TOKEN"_s);
    for (auto it = m_variables.cbegin(); it != m_variables.cend(); ++it) {
        if (it.value().isEmpty())
            environment.remove(it.key());
        else
            environment.insert(it.key(), it.value());
    }
    return environment;
}

CliRun CliFixture::run(const QStringList &arguments) const
{
    QProcess process;
    process.setProcessEnvironment(environment());
    process.start(m_cli, QStringList{u"--db"_s, u"sqlite:"_s + databasePath()} + arguments);
    if (!process.waitForStarted(10000))
        return {};
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()),
                  QString::fromUtf8(process.readAllStandardError())};
}

std::unique_ptr<QProcess> CliFixture::startServe(const QStringList &extraArguments, QUrl &url, QString &why) const
{
    auto process = std::make_unique<QProcess>();
    process->setProcessEnvironment(environment());
    process->start(m_cli, QStringList{u"--db"_s, u"sqlite:"_s + databasePath(), u"serve"_s} + extraArguments);
    if (!process->waitForStarted(10000)) {
        why = u"serve did not start: "_s + process->errorString();
        return nullptr;
    }
    static const QRegularExpression listening(u"listening on (https?://\\S+)"_s);
    QByteArray output;
    const QDeadlineTimer deadline(30000);
    while (!deadline.hasExpired()) {
        if (process->canReadLine() || process->waitForReadyRead(int(qMin<qint64>(deadline.remainingTime(), 1000)))) {
            while (process->canReadLine())
                output += process->readLine();
            const auto match = listening.match(QString::fromUtf8(output));
            if (match.hasMatch()) {
                url = QUrl(match.captured(1));
                return process;
            }
        }
        if (process->state() == QProcess::NotRunning) {
            why = u"serve exited with %1: %2"_s.arg(process->exitCode())
                      .arg(QString::fromUtf8(output + process->readAllStandardOutput() +
                                             process->readAllStandardError()));
            return nullptr;
        }
    }
    why = u"serve printed no \"listening on\" line: "_s + QString::fromUtf8(output);
    process->kill();
    process->waitForFinished(5000);
    return nullptr;
}

bool terminateCleanly(QProcess &process, QString &why)
{
    if (process.state() == QProcess::NotRunning) {
        why = u"the process had already exited"_s;
        return false;
    }
    process.terminate(); // SIGTERM
    if (!process.waitForFinished(10000)) {
        why = u"still running 10 s after SIGTERM"_s;
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        why = u"exit status %1 (%2): %3"_s.arg(process.exitCode())
                  .arg(process.exitStatus() == QProcess::NormalExit ? u"normal"_s : u"crashed"_s)
                  .arg(QString::fromUtf8(process.readAllStandardError()));
        return false;
    }
    return true;
}

} // namespace steward::testing
