#pragma once

// The wide, high-cardinality table of bench_wide_table (issue 15), and the checks every
// contender runs on it: spelled once here for the generator, the metadata the profiler
// reads (fields and rules approved like the demo's), and the hand-written sqlite3 query.
// The pandas script (bench_wide_table_pandas.py) spells the same checks in pandas.

#include <QList>
#include <QString>
#include <QStringList>

namespace widetable {

inline const QString kTable = QStringLiteral("wide_lines");

struct Column
{
    QString name;
    QString sqlType;  // as declared in the warehouse
    QString dataType; // the field's dataType and format
    QString format;
    QString tier;
    QString ruleType; // empty: no business rule
    QString ruleDefinition;
    QStringList sqliteChecks; // the same checks in plain SQLite: dataType first, then the rule
};

const QList<Column> &columns();

// Fills `path` (which must not exist) with `rows` rows; the same rows for the same count.
// Returns an error message, or an empty string.
QString generate(const QString &path, qint64 rows);

// The sqlite3 shell's script: one aggregate query over the table with COUNT(*) and, per
// column, COUNT, COUNT(DISTINCT) when `distinct`, and the SUM of each check.
QString sqliteScript(bool distinct);

} // namespace widetable
