#pragma once

#include "model/RuleDefinition.h"
#include "profiler/HyperLogLog.h"
#include "profiler/ScanQueryBuilder.h"

#include <QList>
#include <QString>

#include <memory>
#include <vector>
#include <optional>

class QSqlQuery;

namespace steward::profiler {

// What a PostgreSQL column holds, as far as the profile's checks care.
enum class PgType { Int2, Int4, Int8, Numeric, Float, Boolean, Date, Timestamp, TimestampTz, Text, Other };
// From pg_type.typname (format_type without modifiers).
PgType pgTypeOf(const QString &typeName);

// One bound column of a PostgreSQL scan.
struct PgColumn
{
    ColumnTarget target; // column as the catalog spells it
    PgType type = PgType::Text;
    // true: grouped by value (exact distinct count, checks once per distinct value);
    // false: grouped by HyperLogLog register (checks once per row).
    bool exact = true;
};

// The counts of one column over one part of a table.
struct PgPartCounts
{
    qint64 rows = 0;
    qint64 nonNull = 0;
    QList<qint64> passes;      // per check
    QList<qint64> unevaluated; // per check: values it could not judge (a regex giving up)
    qint64 valid = 0;
    std::unique_ptr<DistinctCounter> values; // exact columns
    std::vector<std::unique_ptr<DistinctCounter>> otherParts; // their values, counted together at the end
    std::unique_ptr<HyperLogLog> sketch;     // the others

    // Takes in the counts of another part of the same column.
    void merge(PgPartCounts &other);
    // The column's distinct values over every part taken in.
    DistinctCount distinct();
};

// The ONE statement that measures every bound column of a PostgreSQL table (or one block
// range of it). Each column is a grouping set of a single hash aggregation:
//
//   SELECT <which set>, <per exact column: value::text, its check flags>,
//          <per other column: k = register | check flags << 14>, min(<hash rest>), count(*)
//   FROM (SELECT <values, k and hash rests> FROM
//         (SELECT <the values, hashes and per-row check flags> FROM table ... OFFSET 0) r) s
//   GROUP BY GROUPING SETS ((c1), (c2), ...)
//
// An exact column's groups are its distinct values, so its checks (a regular expression,
// a date, ...) run once per value, not per row; a column with more values than the
// exact bound groups by its HyperLogLog register (the top 14 bits of a 64-bit hash of
// the value) and the row's check results, keeping the smallest rest of the hash, which
// gives the register's rank. The checks agree with ValueChecks (the SQLite functions)
// on what they accept; see PostgresValueChecks in the .cpp. An exact column's regex
// rules are judged here, on the grouped values, by RulePattern: the very judgement of
// the embedded engine (whole value, PCRE2, a pattern giving up is a rule error). Only a
// column grouped by register needs PostgreSQL's `~` on every row.
class PostgresScanQuery
{
public:
    explicit PostgresScanQuery(QList<PgColumn> columns);

    // Why the column cannot be measured on PostgreSQL (a dataType format or rule the
    // checks cannot express), or nothing.
    static std::optional<QString> problem(const ColumnTarget &target);
    // The regular expression of a regex rule as the scan hands it to `~` (columns
    // grouped by register): the whole value must match, like RulePattern.
    static QString anchoredPattern(const QString &pattern);

    // `from`: the table reference with sampling, `where`: a row filter (may be empty).
    SqlFragment statement(const SqlFragment &from, const SqlFragment &where) const;
    // The empty counts of one part, per column.
    std::vector<PgPartCounts> emptyCounts(const std::shared_ptr<MemoryBudget> &budget) const;
    // Adds one result row of the statement.
    void read(const QSqlQuery &row, std::vector<PgPartCounts> &counts) const;
    // The columns and their final counts, as the SQLite scan gives them.
    QList<ScanQuery::Column> columns() const;
    QList<ColumnCounts> finish(std::vector<PgPartCounts> &counts) const;

private:
    // A regex check of an exact column, judged on each grouped value.
    struct ValuePattern
    {
        int slot = -1;
        std::shared_ptr<const RulePattern> pattern;
    };
    struct Plan
    {
        PgColumn column;
        ScanQuery::Column slots;  // typeCheckSlot, ruleSlots
        QList<SqlFragment> checks; // over the placeholder {v} (the value); empty SQL: a value pattern
        QList<ValuePattern> patterns;
    };
    SqlFragment flags(const Plan &plan, const QString &value) const;

    QList<Plan> m_plans;
};

} // namespace steward::profiler
