#pragma once

#include "model/Error.h"

#include <QString>

#include <optional>

class QSqlError;

namespace steward {

// Says why the embedded database file could not be read or written when the cause is the
// storage beneath it (a read-only file or folder, a full disk, a failing disk), naming
// the file, so a user reads what to fix instead of SQLite's "attempt to write a readonly
// database". Any other failure is not its business.
class SqliteStorageFailure
{
public:
    explicit SqliteStorageFailure(QString databasePath);

    // The explanation when `error` is a storage failure of the file, else nothing.
    std::optional<Error> explain(const QSqlError &error) const;

private:
    QString m_path;
};

} // namespace steward
