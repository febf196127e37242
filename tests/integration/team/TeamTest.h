#pragma once

// What the team-mode tests share: a team database of their own (TestDatabase's copy of the
// migrated template), steward-cli as a process of its own signed in through a person's own
// login, and a plain QPSQL connection, the way a hostile client would talk to the server.

#include "TestDatabase.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <utility>

namespace steward::testing::team {

using namespace Qt::StringLiterals;

inline QString installHint()
{
    return u"run the test through ctest, which starts the `postgres` fixture (tests/postgres/test-server.sh; "
           u"apt-get install postgresql libqt6sql6-psql)"_s;
}

// Sets up `database` on the team database under test; empty on success, else why not,
// with the hint that gets a server. A team test never falls back to SQLite.
inline QString setUpTeamDatabase(TestDatabase &database)
{
    if (!postgresUnderTest())
        return u"STEWARD_TEST_POSTGRES is not set: "_s + installHint();
    if (const Status failed = database.setUp())
        return failed->text().contains(u"ctest"_s) ? failed->text() : failed->text() + u"; "_s + installHint();
    if (!database.isTeamDatabase())
        return u"the database under test is not a team database; "_s + installHint();
    return {};
}

inline QString cliPath()
{
    return qEnvironmentVariable("STEWARD_CLI");
}

// The team database as `login` connects to it.
inline DatabaseUrl urlAs(const TestDatabase &database, const QString &login)
{
    DatabaseUrl url = database.url();
    url.user = login;
    return url;
}

struct Run
{
    int status = -1;
    QString out;
    QString err;
};

// A program run to its end (a script, or steward-cli for one command).
inline Run runProgram(const QString &program, const QStringList &arguments, const QByteArray &input = {},
                      int timeoutMs = 120000)
{
    QProcess process;
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return Run{-1, {}, u"could not start "_s + program};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        return Run{-1, QString::fromUtf8(process.readAllStandardOutput()), u"timed out: "_s + program};
    }
    return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
               QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// `steward-cli --db <login's URL> --tenant <fixture tenant> approve -` (or reject) as a
// person runs it in a terminal of their own: started first, fed ids later.
class DecidingProcess
{
public:
    DecidingProcess(const TestDatabase &database, QString login, const QStringList &command) : m_login(std::move(login))
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(u"STEWARD_TENANT"_s);
        environment.remove(u"STEWARD_USER"_s);
        m_process.setProcessEnvironment(environment);
        m_process.start(cliPath(), QStringList{u"--db"_s, urlAs(database, m_login).toString(), u"--tenant"_s,
                                               uuidText(TestDatabase::tenantId())} +
                                       command);
    }
    ~DecidingProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(5000);
        }
    }

    bool started() { return m_process.waitForStarted(10000); }
    const QString &login() const { return m_login; }

    void feed(const QList<QUuid> &ids)
    {
        QByteArray lines;
        for (const QUuid &id : ids)
            lines += uuidText(id).toLatin1() + '\n';
        m_process.write(lines);
        m_process.closeWriteChannel();
        // Into the pipe now, not when this process is next waited on.
        while (m_process.bytesToWrite() > 0 && m_process.waitForBytesWritten(10000)) {
        }
    }

    // Whether it has ended; reads what it printed meanwhile (needs the event loop).
    bool hasFinished()
    {
        lines();
        return m_process.state() == QProcess::NotRunning;
    }

    // The lines printed so far (reading what arrived), complete lines only.
    const QStringList &lines()
    {
        m_pending += m_process.readAllStandardOutput();
        qsizetype end = 0;
        while ((end = m_pending.indexOf('\n')) >= 0) {
            m_lines.append(QString::fromUtf8(m_pending.left(end)));
            m_pending.remove(0, end + 1);
        }
        return m_lines;
    }

    bool finish(int timeoutMs)
    {
        const bool done = m_process.state() == QProcess::NotRunning || m_process.waitForFinished(timeoutMs);
        lines();
        if (!m_pending.isEmpty())
            m_lines.append(QString::fromUtf8(std::exchange(m_pending, {})));
        m_err = QString::fromUtf8(m_process.readAllStandardError());
        return done;
    }
    int exitStatus() const { return m_process.exitStatus() == QProcess::NormalExit ? m_process.exitCode() : -1; }
    const QString &err() const { return m_err; }

private:
    QString m_login;
    QProcess m_process;
    QByteArray m_pending;
    QStringList m_lines;
    QString m_err;
};

// What a statement did on a plain connection: its rows, or the server's refusal.
struct Outcome
{
    bool ok = false;
    QString state;   // SQLSTATE of a refusal
    QString message; // the server's text
    QList<QVariantList> rows;
    int rowsAffected = -1;

    QVariant value() const
    {
        return rows.isEmpty() || rows.constFirst().isEmpty() ? QVariant() : rows.constFirst().at(0);
    }
    QString describe() const
    {
        return ok ? u"succeeded (%1 rows, %2 affected)"_s.arg(rows.size()).arg(rowsAffected)
                  : u"%1: %2"_s.arg(state, message);
    }
};

// A QPSQL connection of its own that uses none of the program's code: SQL as a hostile
// or modified client would send it, every value bound.
class PlainConnection
{
public:
    PlainConnection(const DatabaseUrl &url, const QString &login)
        : m_name(u"plain-"_s + login + u'-' + QUuid::createUuid().toString(QUuid::Id128))
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QPSQL"_s, m_name);
        db.setHostName(url.host);
        db.setPort(url.port);
        db.setDatabaseName(url.databaseName);
        db.setUserName(login);
        db.setConnectOptions(u"connect_timeout=10"_s);
        if (!db.open())
            m_openError = db.lastError().text();
    }
    ~PlainConnection()
    {
        QSqlDatabase::database(m_name, false).close();
        QSqlDatabase::removeDatabase(m_name);
    }
    PlainConnection(const PlainConnection &) = delete;
    PlainConnection &operator=(const PlainConnection &) = delete;

    bool isOpen() const { return m_openError.isEmpty(); }
    const QString &openError() const { return m_openError; }
    QSqlDatabase connection() const { return QSqlDatabase::database(m_name, false); }

    Outcome run(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(connection());
        Outcome outcome;
        bool done = false;
        if (values.isEmpty()) {
            done = query.exec(sql);
        } else {
            done = query.prepare(sql);
            for (const QVariant &value : values)
                query.addBindValue(value);
            done = done && query.exec();
        }
        if (!done) {
            outcome.state = query.lastError().nativeErrorCode();
            // The server's message: its first line, without the "ERROR:" libpq puts before it.
            outcome.message = query.lastError().databaseText().trimmed().section(u'\n', 0, 0);
            if (outcome.message.startsWith(u"ERROR:"_s))
                outcome.message = outcome.message.mid(6).trimmed();
            if (outcome.message.isEmpty())
                outcome.message = query.lastError().text();
            return outcome;
        }
        outcome.ok = true;
        outcome.rowsAffected = query.numRowsAffected();
        while (query.next()) {
            QVariantList row;
            for (int i = 0; i < query.record().count(); ++i)
                row.append(query.value(i));
            outcome.rows.append(row);
        }
        return outcome;
    }

    // The person's own sign-in, as every client does first.
    Outcome signIn(const QUuid &tenant, const QString &user) const
    {
        return run(u"SELECT steward_login(?, ?)"_s, {uuidText(tenant), user});
    }

private:
    QString m_name;
    QString m_openError;
};

// How long something took, for the numbers a test prints.
inline QString seconds(qint64 milliseconds)
{
    return QString::number(milliseconds / 1000.0, 'f', 2) + u" s"_s;
}

} // namespace steward::testing::team
