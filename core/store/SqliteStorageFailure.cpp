#include "store/SqliteStorageFailure.h"

#include "Tr.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QSqlError>
#include <QStorageInfo>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

// SQLite's primary result codes (the low byte of an extended code), as the Qt driver
// hands them over in QSqlError::nativeErrorCode().
constexpr int kIoError = 10;
constexpr int kReadOnly = 8;
constexpr int kFull = 13;
constexpr int kCannotOpen = 14;

// Below this much free space a disk error is taken for a full disk: SQLite needs room
// for its write-ahead log and shared-memory index before it writes anything.
constexpr qint64 kNearlyFullBytes = 1024 * 1024;

} // namespace

SqliteStorageFailure::SqliteStorageFailure(QString databasePath) : m_path(std::move(databasePath)) {}

std::optional<Error> SqliteStorageFailure::explain(const QSqlError &error) const
{
    bool numeric = false;
    const int code = error.nativeErrorCode().toInt(&numeric) & 0xff;
    if (!numeric || (code != kIoError && code != kReadOnly && code != kFull && code != kCannotOpen))
        return std::nullopt;

    const QFileInfo file(m_path);
    const QString path = QDir::toNativeSeparators(file.absoluteFilePath());
    const QString folder = QDir::toNativeSeparators(file.absolutePath());
    const QString reason = error.databaseText().trimmed().isEmpty() ? error.text().trimmed()
                                                                    : error.databaseText().trimmed();
    const QStorageInfo storage(file.absolutePath());
    const qint64 available = storage.isValid() ? storage.bytesAvailable() : -1;
    const auto unavailable = [](const QString &message) { return Error::make(ErrorCode::Unavailable, message); };

    if (code == kFull || (code == kIoError && available >= 0 && available < kNearlyFullBytes))
        return unavailable(CoreTr::tr("the disk holding the database file %1 is full (%2 free), so nothing was "
                                      "written; free some space and try again")
                               .arg(path, QLocale().formattedDataSize(std::max<qint64>(available, 0))));

    // Root may write anything but an immutable file: QFileInfo asks the system (access()).
    // Fresh QFileInfo objects, so an access() refusal cannot colour whether the file exists.
    const bool exists = QFileInfo::exists(m_path);
    const bool fileWritable = !exists || QFileInfo(m_path).isWritable();
    const bool folderWritable = QFileInfo(file.absolutePath()).isWritable();
    if (code == kReadOnly || code == kCannotOpen) {
        if (exists && !fileWritable && !folderWritable)
            return unavailable(CoreTr::tr("the database file %1 and its folder are read-only: SQLite cannot even "
                                          "read it without creating its -wal and -shm files there; nothing was "
                                          "changed")
                                   .arg(path));
        if (exists && !fileWritable)
            return unavailable(
                CoreTr::tr("the database file %1 is read-only, so nothing was changed; make it writable to record "
                           "changes")
                    .arg(path));
        if (!folderWritable)
            return unavailable(CoreTr::tr("the folder %1 holding the database file %2 is read-only, so SQLite cannot "
                                          "create its journal files there; nothing was changed")
                                   .arg(folder, path));
        if (code == kCannotOpen)
            return unavailable(CoreTr::tr("cannot open the database file %1: %2").arg(path, reason));
        return unavailable(CoreTr::tr("the database file %1 is read-only (%2); nothing was changed").arg(path, reason));
    }
    return unavailable(CoreTr::tr("the database file %1 could not be read or written (%2): the disk or file system "
                                  "failed; nothing was changed")
                           .arg(path, reason));
}

} // namespace steward
