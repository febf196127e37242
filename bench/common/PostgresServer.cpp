#include "PostgresServer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QDir>
#include <QProcess>

#include <unistd.h>

using namespace Qt::StringLiterals;

namespace steward::bench {

PostgresServer::PostgresServer(int port)
    : m_port(port), m_dir(u"/tmp/steward-bench-pg-XXXXXX"_s), m_serverDir(m_dir.filePath(u"server"_s))
{
    // As root the server runs as the postgres user, who must reach its folder inside.
    if (m_dir.isValid())
        QFile::setPermissions(m_dir.path(), QFile::permissions(m_dir.path()) | QFile::ExeGroup | QFile::ExeOther);
}

PostgresServer::~PostgresServer()
{
    stop();
}

Status PostgresServer::script(const QStringList &arguments, int timeoutMs) const
{
    QProcess process;
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start(QStringLiteral(STEWARD_TEST_SERVER_SCRIPT), arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return Error::make(ErrorCode::Unavailable, u"test-server.sh %1 did not finish in %2 s"_s
                                                       .arg(arguments.value(0))
                                                       .arg(timeoutMs / 1000));
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error::make(ErrorCode::Unavailable,
                           u"test-server.sh %1 failed (apt-get install postgresql libqt6sql6-psql)"_s.arg(
                               arguments.value(0)));
    return std::nullopt;
}

Status PostgresServer::start()
{
    if (!m_dir.isValid())
        return Error::make(ErrorCode::Unavailable, u"no temporary folder: "_s + m_dir.errorString());
    if (auto failed = script({u"start"_s, m_serverDir, QString::number(m_port)}, 180'000))
        return failed;
    m_started = true;
    return std::nullopt;
}

Status PostgresServer::restart()
{
    if (auto failed = script({u"halt"_s, m_serverDir}, 120'000))
        return failed;
    return script({u"resume"_s, m_serverDir, QString::number(m_port)}, 120'000);
}

void PostgresServer::stop()
{
    if (!m_started)
        return;
    (void)script({u"stop"_s, m_serverDir}, 120'000);
    m_started = false;
}

DatabaseUrl PostgresServer::url(const QString &user, const QString &database) const
{
    DatabaseUrl url;
    url.kind = DatabaseUrl::Kind::Postgres;
    url.host = u"127.0.0.1"_s;
    url.port = m_port;
    url.user = user;
    url.databaseName = database;
    return url;
}

Result<QStringList> PostgresServer::psql(const QString &sql, const QString &user, const QString &database,
                                         double *seconds) const
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(u"psql"_s, {u"-X"_s, u"-q"_s, u"-At"_s, u"-v"_s, u"ON_ERROR_STOP=1"_s, u"-h"_s, u"127.0.0.1"_s,
                              u"-p"_s, QString::number(m_port), u"-U"_s, user, u"-d"_s, database, u"-c"_s, sql});
    if (!process.waitForFinished(3'600'000)) {
        process.kill();
        process.waitForFinished();
        return Error::make(ErrorCode::Unavailable, u"psql timed out after an hour"_s);
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return Error::make(ErrorCode::Unavailable,
                           u"psql failed: %1"_s.arg(QString::fromUtf8(process.readAllStandardError()).trimmed()));
    if (seconds)
        *seconds = double(clock.nsecsElapsed()) / 1e9;
    const QString output = QString::fromUtf8(process.readAllStandardOutput()).trimmed();
    return output.isEmpty() ? QStringList() : output.split(u'\n');
}

Result<QString> PostgresServer::scalar(const QString &sql, const QString &user, const QString &database) const
{
    auto lines = psql(sql, user, database);
    if (!lines)
        return lines.error();
    return lines.value().value(0).section(u'|', 0, 0);
}

namespace {

// Fields of /proc/PID/stat after the command (which may hold spaces): state is the first.
QList<QByteArray> statFields(const QString &pid)
{
    QFile file(u"/proc/%1/stat"_s.arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray line = file.readAll();
    return line.mid(line.lastIndexOf(')') + 2).split(' ');
}

} // namespace

double PostgresServer::cpuSeconds() const
{
    QFile pidFile(m_serverDir + u"/data/postmaster.pid"_s);
    if (!pidFile.open(QIODevice::ReadOnly))
        return -1;
    const QString postmaster = QString::fromLatin1(pidFile.readLine()).trimmed();
    // After the command: state ppid ... utime(12) stime(13) cutime(14) cstime(15), counted from 0.
    const QList<QByteArray> own = statFields(postmaster);
    if (own.size() < 16)
        return -1;
    qint64 ticks = own.at(11).toLongLong() + own.at(12).toLongLong() + own.at(13).toLongLong() + own.at(14).toLongLong();
    const QStringList processes = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : processes) {
        if (pid.front() < u'0' || pid.front() > u'9')
            continue;
        const QList<QByteArray> fields = statFields(pid);
        if (fields.size() > 12 && QString::fromLatin1(fields.at(1)) == postmaster)
            ticks += fields.at(11).toLongLong() + fields.at(12).toLongLong();
    }
    return double(ticks) / double(sysconf(_SC_CLK_TCK));
}

} // namespace steward::bench
