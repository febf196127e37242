#pragma once

// A database file (and, if asked, its folder) made read-only for the program under test,
// and made writable again when this goes, whatever failed in between. Root ignores
// permission bits, so as root the files are made immutable (chattr +i) instead; without
// chattr, a root test can still run a child process as nobody (setpriv) on chmod'ed files.

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>

#include <unistd.h>

namespace steward::testing {

class ReadOnlyStorage
{
public:
    enum class Scope { File, FileAndFolder };
    enum class Method { Immutable, RunAsNobody, Permissions };

    ReadOnlyStorage(QString file, Scope scope) : m_file(std::move(file)), m_scope(scope)
    {
        m_folder = QFileInfo(m_file).absolutePath();
        const bool root = ::geteuid() == 0;
        m_chattr = QStandardPaths::findExecutable(QStringLiteral("chattr"));
        if (!root)
            m_method = Method::Permissions;
        else if (!m_chattr.isEmpty())
            m_method = Method::Immutable;
        else
            m_method = Method::RunAsNobody;
    }
    ~ReadOnlyStorage() { restore(); }
    ReadOnlyStorage(const ReadOnlyStorage &) = delete;
    ReadOnlyStorage &operator=(const ReadOnlyStorage &) = delete;

    Method method() const { return m_method; }
    QString describe() const
    {
        switch (m_method) {
        case Method::Immutable:
            return QStringLiteral("chattr +i (running as root, which ignores chmod)");
        case Method::RunAsNobody:
            return QStringLiteral("chmod 0444/0555 and the child run as nobody via setpriv (root without chattr)");
        case Method::Permissions:
            return QStringLiteral("chmod 0444 on the file, 0555 on the folder");
        }
        return {};
    }
    // What a child must be started through (setpriv as nobody), empty when nothing.
    QStringList childPrefix() const
    {
        if (m_method != Method::RunAsNobody)
            return {};
        return {QStandardPaths::findExecutable(QStringLiteral("setpriv")), QStringLiteral("--reuid=65534"),
                QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"), QStringLiteral("--")};
    }

    // Makes the file (and folder) read-only; the reason it could not, empty on success.
    QString protect()
    {
        m_protected = true;
        switch (m_method) {
        case Method::Immutable:
            return run(m_chattr, {QStringLiteral("+i")});
        case Method::RunAsNobody:
            if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
                return QStringLiteral("running as root without chattr or setpriv: install e2fsprogs (chattr) or "
                                      "util-linux (setpriv) so the test can make a file read-only for the program");
            [[fallthrough]];
        case Method::Permissions:
            if (!QFile::setPermissions(m_file, QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther))
                return QStringLiteral("chmod 0444 %1 failed").arg(m_file);
            if (m_scope == Scope::FileAndFolder
                && !QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup
                                                        | QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther))
                return QStringLiteral("chmod 0555 %1 failed").arg(m_folder);
            return {};
        }
        return {};
    }

    // Writable again (also done by the destructor).
    void restore()
    {
        if (!m_protected)
            return;
        m_protected = false;
        if (m_method == Method::Immutable) {
            run(m_chattr, {QStringLiteral("-i")});
            return;
        }
        QFile::setPermissions(m_folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        QFile::setPermissions(m_file, QFile::ReadOwner | QFile::WriteOwner);
    }

private:
    QString run(const QString &program, const QStringList &arguments) const
    {
        QStringList paths{m_file};
        if (m_scope == Scope::FileAndFolder)
            paths.append(m_folder);
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, arguments + paths);
        if (!process.waitForFinished(30000) || process.exitStatus() != QProcess::NormalExit
            || process.exitCode() != 0)
            return QStringLiteral("%1 %2 failed: %3")
                .arg(program, (arguments + paths).join(QLatin1Char(' ')),
                     QString::fromLocal8Bit(process.readAll()).trimmed());
        return {};
    }

    QString m_file;
    QString m_folder;
    Scope m_scope;
    Method m_method = Method::Permissions;
    QString m_chattr;
    bool m_protected = false;
};

} // namespace steward::testing
