#pragma once

// Shared by the metrics integration tests: steward-cli as a child process (init-demo,
// profile, serve) and plain HTTP requests with a time limit.

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QPair>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

class QNetworkAccessManager;

namespace steward::testing {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

struct HttpReply
{
    int status = 0; // 0: no answer (see error)
    QByteArray contentType;
    QByteArray allow;
    QByteArray wwwAuthenticate;
    QByteArray body;
    QString error;
    QList<QPair<QByteArray, QByteArray>> headers; // every response header, as received

    QByteArray header(const QByteArray &name) const;
};

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

// Sends one request (with `body`, when given) and waits for the answer, at most `timeoutMs`.
HttpReply httpRequest(QNetworkAccessManager &network, const QByteArray &verb, const QUrl &url, int timeoutMs = 10000,
                      const HttpHeaders &headers = {}, const QByteArray &body = {});

// A demo database in a temporary folder and the steward-cli that works on it.
class CliFixture
{
public:
    // Empty when $STEWARD_CLI names an executable, else why not.
    QString setUp();
    CliRun run(const QStringList &arguments) const;
    // Starts `serve --port N ...` and waits for its "listening on URL" line; null on failure
    // (then `why` says what happened).
    std::unique_ptr<QProcess> startServe(const QStringList &extraArguments, QUrl &url, QString &why) const;

    // The demo database in the fixture's folder unless another was set.
    QString databasePath() const
    {
        return m_databasePath.isEmpty() ? m_dir.filePath(QStringLiteral("steward.db")) : m_databasePath;
    }
    void setDatabasePath(const QString &path) { m_databasePath = path; }
    // Sets a variable of the CLI's environment; an empty value removes it. The fixture
    // removes STEWARD_METRICS_TOKEN unless a test sets it.
    void setEnvironmentVariable(const QString &name, const QString &value) { m_variables[name] = value; }
    QString dir() const { return m_dir.path(); }

private:
    QProcessEnvironment environment() const;

    QTemporaryDir m_dir;
    QString m_cli;
    QString m_databasePath;
    QMap<QString, QString> m_variables;
};

// Stops a serve process with SIGTERM; true when it then exited cleanly with status 0.
bool terminateCleanly(QProcess &process, QString &why);

} // namespace steward::testing
