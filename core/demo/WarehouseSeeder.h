#pragma once

#include "model/Error.h"

#include <QString>
#include <QStringList>

namespace steward {

// Writes the demo's SQLite warehouse: the finance tables the demo fields are bound to
// (schema "finance"), with realistic values and deliberate defects (nulls, duplicates,
// out-of-range and malformed values) at rates that spread the profiles over grades A
// to F. Deterministic: the same options give the same file. The file is built beside
// its final path and renamed over it, so a reader never sees half a warehouse.
class WarehouseSeeder
{
public:
    static constexpr qint64 DefaultJournalLines = 1'000'000;

    struct Options
    {
        qint64 journalLines = DefaultJournalLines; // the other tables scale with it
        quint32 seed = 20260101;
    };

    struct Summary
    {
        QString path;
        QStringList tables;
        qint64 rows = 0; // over every table
        qint64 durationMs = 0;
    };

    // `<dir>/<basename>-warehouse.db` beside the metadata database file.
    static QString pathBeside(const QString &metadataDatabasePath);
    // STEWARD_DEMO_WAREHOUSE_ROWS when set to a number >= 0 (tests seed small
    // warehouses with it), else `fallback`.
    static qint64 journalLinesFromEnvironment(qint64 fallback = DefaultJournalLines);

    Result<Summary> seed(const QString &path, const Options &options) const;
};

} // namespace steward
