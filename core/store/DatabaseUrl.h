#pragma once

#include "model/Error.h"

#include <QString>

namespace steward {

// `--db` as SPEC section 7 spells it: `sqlite:PATH` or `postgresql://user@host:port/db`.
struct DatabaseUrl
{
    enum class Kind { Sqlite, Postgres };
    Kind kind = Kind::Sqlite;
    QString path; // sqlite file
    QString host;
    int port = 5432;
    QString user;
    QString databaseName;
    QString sslMode; // libpq sslmode (disable, prefer, require, verify-ca, verify-full); empty: libpq's default

    static Result<DatabaseUrl> parse(const QString &text);
    static DatabaseUrl sqlite(const QString &path);
    // The user's embedded database in their data directory.
    static DatabaseUrl userDefault();
    QString toString() const;
};

} // namespace steward
