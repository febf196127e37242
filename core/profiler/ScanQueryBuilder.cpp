#include "profiler/ScanQueryBuilder.h"

#include "Tr.h"

#include <QDate>
#include <QSqlQuery>

#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

// A JSON number bound as SQL compares it best: integral values as integers.
QVariant boundNumber(const json::Node &number)
{
    const double value = number.text().toDouble();
    if (std::floor(value) == value && std::fabs(value) < 9.2e18)
        return QVariant(qint64(value));
    return QVariant(value);
}

QVariant boundValue(const json::Node &value)
{
    if (value.isNumber())
        return boundNumber(value);
    if (value.isBool())
        return QVariant(value.toBool() ? 1 : 0);
    return QVariant(value.text());
}

} // namespace

// ---- TypeCheck ----------------------------------------------------------------------

TypeCheck TypeCheck::of(const QString &dataType, const QString &format)
{
    TypeCheck check;
    const QString spec = format.trimmed();
    check.description = spec.isEmpty() ? dataType : dataType + u' ' + spec;
    if (dataType.isEmpty())
        return check;
    auto parsed = FieldFormat::parse(dataType, spec);
    if (!parsed && parsed.error().field == u"dataType"_s) {
        check.note = CoreTr::tr("the data type \"%1\" is not checked: it %2").arg(dataType, parsed.error().message);
        return check;
    }
    if (!parsed) {
        check.note = CoreTr::tr("the format \"%1\" is not checked: %2").arg(spec, parsed.error().message);
        parsed = FieldFormat::parse(dataType, QString());
    }
    const FieldFormat &field = parsed.value();
    switch (field.type) {
    case FieldFormat::Type::Decimal: check.kind = Kind::Decimal; break;
    case FieldFormat::Type::Integer: check.kind = Kind::Integer; break;
    case FieldFormat::Type::Text: check.kind = Kind::Text; break;
    case FieldFormat::Type::Date: check.kind = Kind::Date; break;
    case FieldFormat::Type::Timestamp: check.kind = Kind::Timestamp; break;
    case FieldFormat::Type::Boolean: check.kind = Kind::Boolean; break;
    }
    check.precision = field.precision;
    check.scale = field.scale;
    check.maxLength = field.maxLength;
    check.dateFormat = field.dateFormat;
    return check;
}

QJsonObject TypeCheck::details(qint64 nonNull, const std::optional<qint64> &passes) const
{
    QJsonObject object{{u"check"_s, description}};
    if (passes) {
        object.insert(u"checked"_s, nonNull);
        object.insert(u"violations"_s, nonNull - *passes);
    }
    if (!note.isEmpty())
        object.insert(u"note"_s, note);
    return object;
}

// ---- how one value is judged ---------------------------------------------------------

namespace ValueChecks {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

} // namespace

std::optional<DecimalShape> decimalShape(QByteArrayView text)
{
    const qsizetype size = text.size();
    qsizetype i = 0;
    if (i < size && (text[i] == '+' || text[i] == '-'))
        ++i;
    const qsizetype integerStart = i;
    while (i < size && isDigit(text[i]))
        ++i;
    const qsizetype integerLength = i - integerStart;
    qsizetype fractionStart = i;
    qsizetype fractionLength = 0;
    if (i < size && text[i] == '.') {
        fractionStart = ++i;
        while (i < size && isDigit(text[i]))
            ++i;
        fractionLength = i - fractionStart;
    }
    if (integerLength + fractionLength == 0)
        return std::nullopt;
    qint64 exponent = 0;
    if (i < size && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        const bool negative = i < size && text[i] == '-';
        if (i < size && (text[i] == '+' || text[i] == '-'))
            ++i;
        const qsizetype exponentStart = i;
        while (i < size && isDigit(text[i])) {
            if (exponent < 1'000'000'000)
                exponent = exponent * 10 + (text[i] - '0');
            ++i;
        }
        if (i == exponentStart)
            return std::nullopt;
        exponent = negative ? -exponent : exponent;
    }
    if (i != size)
        return std::nullopt;

    const qint64 total = integerLength + fractionLength;
    auto digitAt = [&](qint64 k) {
        return k < integerLength ? text[integerStart + k] : text[fractionStart + (k - integerLength)];
    };
    qint64 leading = 0;
    while (leading < total && digitAt(leading) == '0')
        ++leading;
    if (leading == total)
        return DecimalShape{}; // zero
    qint64 trailing = 0;
    while (digitAt(total - 1 - trailing) == '0')
        ++trailing;
    const qint64 significant = total - leading - trailing;
    const qint64 point = integerLength + exponent - leading; // digits before the point
    return DecimalShape{std::max<qint64>(0, point), std::max<qint64>(0, significant - point)};
}

std::optional<qint64> integerLiteral(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qsizetype i = (text[0] == '+' || text[0] == '-') ? 1 : 0;
    if (i == text.size())
        return std::nullopt;
    for (qsizetype k = i; k < text.size(); ++k) {
        if (!isDigit(text[k]))
            return std::nullopt;
    }
    bool ok = false;
    const qint64 value = QByteArray::fromRawData(text.data(), text.size()).toLongLong(&ok);
    return ok ? std::optional<qint64>(value) : std::nullopt;
}

std::optional<qint64> integralValue(double value)
{
    if (std::isfinite(value) && std::floor(value) == value && std::fabs(value) < 9.2e18)
        return qint64(value);
    return std::nullopt;
}

int digitCount(qint64 value)
{
    quint64 magnitude = value < 0 ? 0 - quint64(value) : quint64(value);
    int digits = 0;
    while (magnitude > 0) {
        magnitude /= 10;
        ++digits;
    }
    return digits;
}

bool shapeFits(const DecimalShape &shape, qint64 precision, qint64 scale)
{
    return shape.fractionDigits <= scale && shape.integerDigits <= precision - scale;
}

bool realFits(double value, qint64 precision, qint64 scale)
{
    if (!std::isfinite(value))
        return false;
    // Fast path: value * 10^scale is an integer that divides back to exactly the value,
    // so a decimal of `scale` fraction digits round-trips to it.
    static const double powers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (scale >= 0 && scale <= 15 && precision - scale >= 0 && precision - scale <= 22) {
        const double factor = powers[scale];
        const double scaled = std::nearbyint(value * factor);
        if (std::fabs(scaled) < 9007199254740992.0 && scaled / factor == value)
            return std::fabs(value) < powers[precision - scale];
    }
    // Otherwise judge the shortest decimal that reads back as this double.
    const auto shape = decimalShape(QByteArray::number(value, 'g', QLocale::FloatingPointShortest));
    return shape && shapeFits(*shape, precision, scale);
}

bool isIsoDate(QByteArrayView text)
{
    if (text.size() != 10 || text[4] != '-' || text[7] != '-')
        return false;
    for (const int i : {0, 1, 2, 3, 5, 6, 8, 9}) {
        if (!isDigit(text[i]))
            return false;
    }
    auto number = [&](int from, int length) {
        int value = 0;
        for (int i = from; i < from + length; ++i)
            value = value * 10 + (text[i] - '0');
        return value;
    };
    return QDate::isValid(number(0, 4), number(5, 2), number(8, 2));
}

DateFormat dateFormat(const QString &fieldFormat)
{
    const QString upper = fieldFormat.trimmed().toUpper();
    if (upper.isEmpty() || upper == u"YYYY-MM-DD"_s)
        return {};
    QString qtFormat = upper;
    qtFormat.replace(u"YYYY"_s, u"yyyy"_s).replace(u"YY"_s, u"yy"_s).replace(u"DD"_s, u"dd"_s);
    return {false, qtFormat};
}

bool isBooleanText(QByteArrayView text)
{
    static const QByteArrayView spellings[] = {"true", "false", "t", "f", "yes", "no", "y", "n", "0", "1"};
    for (const QByteArrayView spelling : spellings) {
        if (text.size() == spelling.size() && qstrnicmp(text.data(), spelling.data(), text.size()) == 0)
            return true;
    }
    return false;
}

} // namespace ValueChecks

// ---- SQLite -------------------------------------------------------------------------

QString SqliteScanDialect::quoteIdentifier(const QString &name) const
{
    QString quoted = name;
    quoted.replace(u'"', u"\"\""_s);
    return u'"' + quoted + u'"';
}

QString SqliteScanDialect::tableReference(const QString &, const QString &table) const
{
    // One warehouse file is one schema: the binding's schema was checked against the
    // data source already.
    return quoteIdentifier(table);
}

SqlFragment SqliteScanDialect::catalogTable(const QString &, const QString &table) const
{
    return {u"SELECT name, NOT wr FROM pragma_table_list WHERE schema = 'main' AND type IN ('table', 'view') "
            u"AND name = ? COLLATE NOCASE"_s,
            {table}};
}

SqlFragment SqliteScanDialect::catalogColumns(const QString &, const QString &table) const
{
    return {u"SELECT name FROM pragma_table_info(?)"_s, {table}};
}

QString SqliteScanDialect::rowCount() const { return u"steward_rows()"_s; }

QString SqliteScanDialect::distinctCount(const QString &expression) const
{
    return u"steward_distinct_info("_s + expression + u')';
}

DistinctCount SqliteScanDialect::readDistinct(const QVariant &value) const
{
    const QString text = value.toString();
    const qsizetype colon = text.indexOf(u':');
    return {text.mid(colon + 1).toLongLong(), text.left(colon) != u"hyperloglog"_s};
}

SqlFragment SqliteScanDialect::regexMatch(const QString &expression, const QString &pattern) const
{
    return {expression + u" REGEXP ?"_s, {pattern}};
}

QString SqliteScanDialect::numericValue(const QString &expression) const
{
    return u"steward_number("_s + expression + u')';
}

std::optional<SqlFragment> SqliteScanDialect::typeCheck(const QString &expression, const TypeCheck &check) const
{
    switch (check.kind) {
    case TypeCheck::Kind::None:
        return std::nullopt;
    case TypeCheck::Kind::Decimal:
        return SqlFragment{u"steward_decimal_fits("_s + expression + u", ?, ?)"_s,
                           {check.precision ? QVariant(*check.precision) : QVariant(),
                            check.scale ? QVariant(*check.scale) : QVariant()}};
    case TypeCheck::Kind::Integer:
        return SqlFragment{u"steward_is_integer("_s + expression + u')', {}};
    case TypeCheck::Kind::Text:
        if (!check.maxLength)
            return std::nullopt;
        return SqlFragment{u"length("_s + expression + u") <= ?"_s, {*check.maxLength}};
    case TypeCheck::Kind::Date:
        return SqlFragment{u"steward_is_date("_s + expression + u", ?)"_s, {check.dateFormat}};
    case TypeCheck::Kind::Timestamp:
        return SqlFragment{u"steward_is_timestamp("_s + expression + u')', {}};
    case TypeCheck::Kind::Boolean:
        return SqlFragment{u"steward_is_boolean("_s + expression + u')', {}};
    }
    return std::nullopt;
}

SqlFragment SqliteScanDialect::checkCounts(const QString &expression, const QList<SqlFragment> &checks) const
{
    // One aggregate call per row takes every check of the column: each is computed
    // once, and the rows passing all of them are counted in the same call.
    SqlFragment fragment;
    QStringList arguments{expression};
    for (const SqlFragment &check : checks) {
        arguments.append(check.sql);
        fragment.values.append(check.values);
    }
    fragment.sql = u"steward_checks("_s + arguments.join(u", "_s) + u')';
    return fragment;
}

int SqliteScanDialect::checkCountColumns(int) const { return 1; }

CheckCounts SqliteScanDialect::readCheckCounts(const QSqlQuery &row, int first, int checks) const
{
    // steward_checks: "p1 .. pn all u1 .. un".
    const QStringList parts = row.value(first).toString().split(u' ', Qt::SkipEmptyParts);
    CheckCounts counts;
    for (int i = 0; i < checks; ++i) {
        counts.passes.append(parts.value(i).toLongLong());
        counts.unevaluated.append(parts.value(checks + 1 + i).toLongLong());
    }
    counts.all = parts.value(checks).toLongLong();
    return counts;
}

SqlFragment SqliteScanDialect::distinctPart(const QString &expression, qint64 token) const
{
    return {u"steward_distinct_part("_s + expression + u", ?)"_s, {token}};
}

SqlFragment SqliteScanDialect::sampleFilter(qint64 every) const
{
    return {u"rowid % ? = 0"_s, {every}};
}

SqlFragment SqliteScanDialect::rowRange(qint64 first, qint64 last) const
{
    // A rowid range is a b-tree range: each part reads only its own pages.
    return {u"rowid BETWEEN ? AND ?"_s, {first, last}};
}

SqlFragment SqliteScanDialect::rowNumberBounds(const QString &tableReference) const
{
    return {u"SELECT MIN(rowid), MAX(rowid) FROM "_s + tableReference, {}};
}

SqlFragment SqliteScanDialect::sampleLimit(qint64 rows) const
{
    return {u"LIMIT ?"_s, {rows}};
}

// ---- the scan -----------------------------------------------------------------------

std::optional<SqlFragment> ScanQueryBuilder::ruleCheck(const QString &expression, const RuleCheck &check) const
{
    const RuleDefinition &rule = check.rule;
    switch (rule.type) {
    case RuleType::Regex:
        return m_dialect.regexMatch(expression, rule.pattern);
    case RuleType::Range: {
        // A non-number fails a range: COALESCE turns its NULL comparison into 0.
        const QString number = m_dialect.numericValue(expression);
        if (rule.min && rule.max)
            return SqlFragment{u"COALESCE("_s + number + u" BETWEEN ? AND ?, 0)"_s,
                               {boundNumber(*rule.min), boundNumber(*rule.max)}};
        if (rule.min)
            return SqlFragment{u"COALESCE("_s + number + u" >= ?, 0)"_s, {boundNumber(*rule.min)}};
        return SqlFragment{u"COALESCE("_s + number + u" <= ?, 0)"_s, {boundNumber(*rule.max)}};
    }
    case RuleType::Enum: {
        SqlFragment fragment;
        QStringList placeholders;
        for (const json::Node &value : rule.values) {
            placeholders.append(u"?"_s);
            fragment.values.append(boundValue(value));
        }
        fragment.sql = expression + u" IN ("_s + placeholders.join(u", "_s) + u')';
        return fragment;
    }
    case RuleType::NotNull:
    case RuleType::Unique:
        break;
    }
    return std::nullopt; // not_null and unique come from the column's counts
}

ScanQuery ScanQueryBuilder::build(const QString &schema, const QString &table, const QList<ColumnTarget> &columns,
                                  const Sampling &sampling, const std::optional<Partition> &partition) const
{
    ScanQuery query;
    QStringList select{m_dialect.rowCount()};
    QVariantList values;
    query.rows = 0;
    int resultColumns = 1;

    for (int c = 0; c < columns.size(); ++c) {
        const ColumnTarget &target = columns.at(c);
        ScanQuery::Column column;
        column.target = target;
        column.typeCheck = TypeCheck::of(target.dataType, target.format);
        const QString physical = m_dialect.quoteIdentifier(target.column);
        column.nonNull = resultColumns++;
        select.append(u"COUNT("_s + physical + u')');
        column.distinct = resultColumns++;
        if (partition) {
            const SqlFragment part = m_dialect.distinctPart(physical, partition->distinctTokens.value(c));
            select.append(part.sql);
            values.append(part.values);
        } else {
            select.append(m_dialect.distinctCount(physical));
        }

        QList<SqlFragment> checks; // every check a valid value passes
        if (const auto check = m_dialect.typeCheck(physical, column.typeCheck)) {
            column.typeCheckSlot = int(checks.size());
            checks.append(*check);
        }
        for (const RuleCheck &rule : target.rules) {
            const auto check = ruleCheck(physical, rule);
            column.ruleSlots.append(check ? int(checks.size()) : -1);
            if (check)
                checks.append(*check);
        }
        if (!checks.isEmpty()) {
            const SqlFragment counts = m_dialect.checkCounts(physical, checks);
            select.append(counts.sql);
            values.append(counts.values);
            column.checks = resultColumns;
            column.checkCount = int(checks.size());
            resultColumns += m_dialect.checkCountColumns(column.checkCount);
        }
        query.columns.append(column);
    }

    const QString selectList = select.join(u", "_s);
    const QString tableReference = m_dialect.tableReference(schema, table);
    QString sql = u"SELECT "_s + selectList + u" FROM "_s + tableReference;
    QList<SqlFragment> conditions;
    if (partition)
        conditions.append(m_dialect.rowRange(partition->first, partition->last));
    if (sampling.every > 1)
        conditions.append(m_dialect.sampleFilter(sampling.every));
    QStringList where;
    for (const SqlFragment &condition : std::as_const(conditions)) {
        where.append(condition.sql);
        values.append(condition.values);
    }
    if (!where.isEmpty()) {
        sql += u" WHERE "_s + where.join(u" AND "_s);
    } else if (sampling.limit > 0) {
        // A LIMIT must bound the rows the aggregates read, not their one result row.
        const SqlFragment limit = m_dialect.sampleLimit(sampling.limit);
        sql = u"SELECT "_s + selectList + u" FROM (SELECT * FROM "_s + tableReference + u' ' + limit.sql + u')';
        values.append(limit.values);
    }
    query.statement = {sql, values};
    return query;
}

void ColumnCounts::add(const ColumnCounts &other)
{
    rows += other.rows;
    nonNull += other.nonNull;
    valid += other.valid;
    if (typePasses && other.typePasses)
        *typePasses += *other.typePasses;
    for (int r = 0; r < rulePasses.size() && r < other.rulePasses.size(); ++r)
        rulePasses[r] += other.rulePasses.at(r);
    for (int r = 0; r < ruleUnevaluated.size() && r < other.ruleUnevaluated.size(); ++r)
        ruleUnevaluated[r] += other.ruleUnevaluated.at(r);
}

QList<ColumnCounts> ScanQueryBuilder::read(const ScanQuery &query, const QSqlQuery &row) const
{
    const qint64 rows = row.value(query.rows).toLongLong();
    QList<ColumnCounts> result;
    for (const ScanQuery::Column &column : query.columns) {
        ColumnCounts counts;
        counts.rows = rows;
        counts.nonNull = row.value(column.nonNull).toLongLong();
        counts.distinct = m_dialect.readDistinct(row.value(column.distinct));
        const CheckCounts checks = column.checks >= 0
                                       ? m_dialect.readCheckCounts(row, column.checks, column.checkCount)
                                       : CheckCounts();
        if (column.typeCheckSlot >= 0)
            counts.typePasses = checks.passes.value(column.typeCheckSlot);
        for (int r = 0; r < column.target.rules.size(); ++r) {
            const int slot = column.ruleSlots.value(r, -1);
            counts.ruleUnevaluated.append(slot >= 0 ? checks.unevaluated.value(slot) : 0);
            if (slot >= 0)
                counts.rulePasses.append(checks.passes.value(slot));
            else if (column.target.rules.at(r).rule.type == RuleType::Unique)
                counts.rulePasses.append(std::min(counts.distinct.count, counts.nonNull));
            else
                counts.rulePasses.append(counts.nonNull);
        }
        counts.valid = column.checks >= 0 ? checks.all : counts.nonNull;
        result.append(counts);
    }
    return result;
}

} // namespace steward::profiler
