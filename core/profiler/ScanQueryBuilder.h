#pragma once

#include "model/Error.h"
#include "model/FieldFormat.h"
#include "profiler/DistinctCounter.h"
#include "profiler/ProfileTypes.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QVariantList>

#include <optional>

class QSqlQuery;

namespace steward::profiler {

// SQL text with its bound values, in placeholder order.
struct SqlFragment
{
    QString sql;
    QVariantList values;
};

// The validity check a field's dataType and format call for.
struct TypeCheck
{
    enum class Kind { None, Decimal, Integer, Text, Date, Timestamp, Boolean };
    Kind kind = Kind::None;
    std::optional<int> precision; // DECIMAL p,s
    std::optional<int> scale;
    std::optional<int> maxLength; // TEXT n
    QString dateFormat;           // DATE, as the field spells it (YYYY-MM-DD)
    QString description;          // "DECIMAL 18,2", for the run's details
    QString note;                 // why part of the format is not checked

    // As FieldFormat reads them; a format it refuses (stored by another tool) leaves
    // the part of the check it qualifies out, with a note saying why.
    static TypeCheck of(const QString &dataType, const QString &format);
    // {check, checked, violations, note} for a run's details.
    QJsonObject details(qint64 nonNull, const std::optional<qint64> &passes) const;
};

// How a dataType check judges one value, spelled once: SQLite's registered functions
// call these; another engine's SQL must agree with them.
namespace ValueChecks {

// Digits left and right of the decimal point once leading and trailing zeros are gone:
// "0012.500" -> 2 and 1, "1e+16" -> 17 and 0, "1.5e-3" -> 0 and 4. Nothing for text
// that is not a decimal number (no spaces, no thousands separators).
struct DecimalShape
{
    qint64 integerDigits = 0;
    qint64 fractionDigits = 0;
};
std::optional<DecimalShape> decimalShape(QByteArrayView text);
bool shapeFits(const DecimalShape &shape, qint64 precision, qint64 scale);
// A double fits p,s when its shortest round-trip decimal does.
bool realFits(double value, qint64 precision, qint64 scale);
std::optional<qint64> integerLiteral(QByteArrayView text); // "+12", "-7"; not "1.0"
std::optional<qint64> integralValue(double value);
int digitCount(qint64 value);
bool isIsoDate(QByteArrayView text); // YYYY-MM-DD and a real calendar day

// A field's date format (YYYY-MM-DD, DD.MM.YYYY, ...) as QDate::fromString reads it.
struct DateFormat
{
    bool iso = true;
    QString qtFormat;
};
DateFormat dateFormat(const QString &fieldFormat);
bool isBooleanText(QByteArrayView text); // true/false/t/f/yes/no/y/n/0/1, any case

} // namespace ValueChecks

// What a column's row checks came to over its non-null values.
struct CheckCounts
{
    QList<qint64> passes;      // per check
    qint64 all = 0;            // values passing every check (the valid ones)
    QList<qint64> unevaluated; // per check: values it could not judge (NULL for a non-null value)
};

// What differs between engines in a profile scan. Every method returns SQL around
// identifiers that were checked against the catalog and values bound as `?`.
class ScanDialect
{
public:
    virtual ~ScanDialect() = default;

    virtual QString quoteIdentifier(const QString &name) const = 0;
    virtual QString tableReference(const QString &schema, const QString &table) const = 0;
    // The table as the catalog spells it: one row (name, has a rowid 0/1), none if absent.
    virtual SqlFragment catalogTable(const QString &schema, const QString &table) const = 0;
    // The table's columns, one name per row.
    virtual SqlFragment catalogColumns(const QString &schema, const QString &table) const = 0;

    // Aggregates over the rows in scope.
    virtual QString rowCount() const = 0;
    virtual QString distinctCount(const QString &expression) const = 0;
    // The same over one part of the table, leaving its counter to DistinctParts `token`.
    virtual SqlFragment distinctPart(const QString &expression, qint64 token) const = 0;
    virtual DistinctCount readDistinct(const QVariant &value) const = 0;

    // Row checks: 1 pass, 0 fail, NULL for a NULL value, and NULL for a value the check
    // could not judge (a regex engine giving up on it).
    // The whole value matches the pattern, as RulePattern judges it.
    virtual SqlFragment regexMatch(const QString &expression, const QString &pattern) const = 0;
    virtual QString numericValue(const QString &expression) const = 0; // NULL unless a number
    virtual std::optional<SqlFragment> typeCheck(const QString &expression, const TypeCheck &check) const = 0;

    // Pass counts of a column's row checks over its non-null values, and of all of them
    // together (the valid values), as select-list items with the checks' bound values.
    virtual SqlFragment checkCounts(const QString &expression, const QList<SqlFragment> &checks) const = 0;
    virtual int checkCountColumns(int checks) const = 0; // how many select-list items
    // The counts from the row, starting at `first`.
    virtual CheckCounts readCheckCounts(const QSqlQuery &row, int first, int checks) const = 0;

    // Conditions on the rows: about one in `every` (stable between runs), and the rows
    // numbered first..last (one part of a table split for parallel scans).
    virtual SqlFragment sampleFilter(qint64 every) const = 0;
    virtual SqlFragment rowRange(qint64 first, qint64 last) const = 0;
    virtual SqlFragment rowNumberBounds(const QString &tableReference) const = 0; // one row: min, max
    // The first `rows` where the table has no row numbering.
    virtual SqlFragment sampleLimit(qint64 rows) const = 0;
};

class SqliteScanDialect : public ScanDialect
{
public:
    QString quoteIdentifier(const QString &name) const override;
    QString tableReference(const QString &schema, const QString &table) const override;
    SqlFragment catalogTable(const QString &schema, const QString &table) const override;
    SqlFragment catalogColumns(const QString &schema, const QString &table) const override;
    QString rowCount() const override;
    QString distinctCount(const QString &expression) const override;
    SqlFragment distinctPart(const QString &expression, qint64 token) const override;
    DistinctCount readDistinct(const QVariant &value) const override;
    SqlFragment regexMatch(const QString &expression, const QString &pattern) const override;
    QString numericValue(const QString &expression) const override;
    std::optional<SqlFragment> typeCheck(const QString &expression, const TypeCheck &check) const override;
    SqlFragment checkCounts(const QString &expression, const QList<SqlFragment> &checks) const override;
    int checkCountColumns(int checks) const override;
    CheckCounts readCheckCounts(const QSqlQuery &row, int first, int checks) const override;
    SqlFragment sampleFilter(qint64 every) const override;
    SqlFragment rowRange(qint64 first, qint64 last) const override;
    SqlFragment rowNumberBounds(const QString &tableReference) const override;
    SqlFragment sampleLimit(qint64 rows) const override;
};

// How a scan should sample, if at all.
struct Sampling
{
    qint64 every = 0; // > 1: one row in `every` (rowid tables)
    qint64 limit = 0; // > 0: the first rows (tables without rowid)
};

// One of the parts of a table scanned side by side: its rows, and per column the
// DistinctParts token its distinct counter goes to.
struct Partition
{
    qint64 first = 0;
    qint64 last = 0;
    QList<qint64> distinctTokens;
};

// The columns of one scan: the fields to measure, their column names as the catalog
// spells them, and which result column holds which count.
struct ScanQuery
{
    struct Column
    {
        ColumnTarget target;
        TypeCheck typeCheck;
        int nonNull = -1;   // result columns
        int distinct = -1;
        int checks = -1;    // first of the check counts; -1: nothing to check
        int checkCount = 0;
        int typeCheckSlot = -1;  // position among the checks; -1: no dataType check
        QList<int> ruleSlots;    // per target.rules; -1: not_null / unique (from other counts)
    };
    SqlFragment statement;
    int rows = 0;
    QList<Column> columns;
};

// The counts of one field, straight from the scan.
struct ColumnCounts
{
    qint64 rows = 0;
    qint64 nonNull = 0;
    DistinctCount distinct;
    std::optional<qint64> typePasses;
    QList<qint64> rulePasses; // per target.rules; not_null: the non-null count, unique: distinct
    QList<qint64> ruleUnevaluated; // per target.rules: values the rule could not judge
    qint64 valid = 0;

    // Adds the counts of other rows of the same column (distinct counts do not add up:
    // they are counted together apart, see DistinctParts).
    void add(const ColumnCounts &other);
};

// Builds the ONE statement that measures every bound column of a table:
//
//   SELECT rows(), COUNT("a"), distinct("a"), checks("a", <dataType check>, <rule 1>, ...),
//                  COUNT("b"), distinct("b"), ...
//   FROM "table" [sampling]
//
// Each check is computed once per row, as an argument of the column's check-count
// aggregate, which adds up each one's passes and the rows passing all of them.
class ScanQueryBuilder
{
public:
    explicit ScanQueryBuilder(const ScanDialect &dialect) : m_dialect(dialect) {}

    // `columns[i].column` must already be the catalog's spelling.
    ScanQuery build(const QString &schema, const QString &table, const QList<ColumnTarget> &columns,
                    const Sampling &sampling = {}, const std::optional<Partition> &partition = {}) const;
    QList<ColumnCounts> read(const ScanQuery &query, const QSqlQuery &row) const;

private:
    std::optional<SqlFragment> ruleCheck(const QString &expression, const RuleCheck &rule) const;

    const ScanDialect &m_dialect;
};

} // namespace steward::profiler
