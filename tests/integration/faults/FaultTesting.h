#pragma once

// What the fault tests share: steward-cli run as a user runs it, in a child process on a
// demo database file, and the test's own read of that file (a connection of its own,
// opened for one look and closed again, as a separate program would).

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QStringList>
#include <QVariant>

#include <atomic>
#include <functional>

namespace steward::testing {

using namespace Qt::StringLiterals;

// The executable ctest names in STEWARD_CLI.
inline QString cliPath()
{
    return qEnvironmentVariable("STEWARD_CLI");
}

// A child's environment: no tenant or user from the caller's shell, never the real
// default database (XDG_DATA_HOME under `scratch`).
inline QProcessEnvironment cliEnvironment(const QString &scratch)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"STEWARD_TENANT"_s);
    environment.remove(u"STEWARD_USER"_s);
    environment.insert(u"XDG_DATA_HOME"_s, scratch + u"/data-home"_s);
    return environment;
}

struct CliRun
{
    int exitCode = -1; // -1: it crashed or never ran
    QString out;
    QString err;
};

// How a child is started, beyond its arguments.
struct ChildSetup
{
    QByteArray input;                // its standard input
    QStringList through;             // the program (and its arguments) that starts it: setpriv as another user
    std::function<void()> inChild;   // run in the child before exec: resource limits (async-signal-safe only)
};

// Runs steward-cli on `databasePath` with `arguments` to the end.
inline CliRun runCli(const QString &databasePath, const QStringList &arguments, const QString &scratch,
                     const ChildSetup &setup = {})
{
    QProcess process;
    process.setProcessEnvironment(cliEnvironment(scratch));
    if (setup.inChild)
        process.setChildProcessModifier(setup.inChild);
    const QStringList command =
        setup.through + QStringList{cliPath(), u"--db"_s, u"sqlite:"_s + databasePath} + arguments;
    process.start(command.constFirst(), command.mid(1));
    if (!process.waitForStarted(10000))
        return {-1, {}, process.errorString()};
    process.write(setup.input);
    process.closeWriteChannel();
    if (!process.waitForFinished(120000))
        process.kill();
    process.waitForFinished();
    return CliRun{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                  QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// The test's own connection to an SQLite file: what the file holds, as any other program
// opening it would see it (a write-ahead log a killed writer left is recovered here).
class DatabaseFile
{
public:
    explicit DatabaseFile(const QString &path)
        : m_name(u"fault-test-%1"_s.arg(counter().fetch_add(1)))
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_name);
        database.setDatabaseName(path);
        if (!database.open())
            m_error = database.lastError().text();
    }
    ~DatabaseFile()
    {
        {
            QSqlDatabase database = QSqlDatabase::database(m_name, false);
            database.close();
        }
        QSqlDatabase::removeDatabase(m_name);
    }
    DatabaseFile(const DatabaseFile &) = delete;
    DatabaseFile &operator=(const DatabaseFile &) = delete;

    bool isOpen() const { return m_error.isEmpty(); }
    QString errorText() const { return m_error; }

    // Every row of a statement, each as its columns; a failed statement is an empty list
    // and its reason in lastError().
    QList<QVariantList> rows(const QString &sql, const QVariantList &values = {}) const
    {
        QSqlQuery query(QSqlDatabase::database(m_name, false));
        query.setForwardOnly(true);
        m_lastError.clear();
        if (!query.prepare(sql)) {
            m_lastError = query.lastError().text();
            return {};
        }
        for (const QVariant &value : values)
            query.addBindValue(value);
        if (!query.exec()) {
            m_lastError = query.lastError().text();
            return {};
        }
        QList<QVariantList> rows;
        while (query.next()) {
            QVariantList row;
            for (int column = 0; column < query.record().count(); ++column)
                row.append(query.value(column));
            rows.append(row);
        }
        return rows;
    }
    // The first column of the first row (invalid when there is none).
    QVariant value(const QString &sql, const QVariantList &values = {}) const
    {
        const auto all = rows(sql, values);
        return all.isEmpty() || all.constFirst().isEmpty() ? QVariant() : all.constFirst().constFirst();
    }
    // The first column of every row, as text.
    QStringList texts(const QString &sql, const QVariantList &values = {}) const
    {
        QStringList texts;
        for (const QVariantList &row : rows(sql, values))
            texts.append(row.value(0).toString());
        return texts;
    }
    QString lastError() const { return m_lastError; }

    // What a half-written database would show first: SQLite's own structural check.
    QString integrity() const { return texts(u"PRAGMA integrity_check"_s).join(u"; "_s); }

    // Every mdm_ table with its row count, "name=count" in name order: equal before and
    // after means nothing was added or removed.
    QStringList rowCounts() const
    {
        QStringList counts;
        const QStringList tables = texts(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE "
                                         u"'mdm\\_%' ESCAPE '\\' ORDER BY name"_s);
        for (const QString &table : tables)
            counts.append(u"%1=%2"_s.arg(table, value(u"SELECT COUNT(*) FROM \"%1\""_s.arg(table)).toString()));
        return counts;
    }

private:
    static std::atomic<int> &counter()
    {
        static std::atomic<int> next{0};
        return next;
    }

    QString m_name;
    QString m_error;
    mutable QString m_lastError;
};

// The SHA-256 of a file's bytes, hex; empty when it cannot be read.
inline QString fileChecksum(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&file);
    return QString::fromLatin1(hash.result().toHex());
}

} // namespace steward::testing
