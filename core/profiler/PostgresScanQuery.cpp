#include "profiler/PostgresScanQuery.h"

#include "Tr.h"

#include <QSqlQuery>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace steward::profiler {
namespace {

// The value a check judges; replaced by the column (per row) or the grouped value.
const QString kValue = u"{v}"_s;
// Checks per column a HyperLogLog key can carry next to its 14 register bits.
constexpr int kMaxChecks = 40;
// The bits of a 64-bit hash below its 14 register bits.
constexpr qint64 kRestMask = (qint64(1) << 50) - 1;

SqlFragment sql(const QString &text, const QVariantList &values = {})
{
    return {text, values};
}

// Text that is a decimal number, as ValueChecks::decimalShape reads it.
const QString kNumberShape = u"'^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]+)?$'"_s;
// The same within what `::numeric` reads without an error (exponents of up to three
// digits, at most 1000 characters); longer number text counts as not a number.
QString castableNumber(const QString &text)
{
    return u"("_s + text + u" ~ '^[+-]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][+-]?[0-9]{1,3})?$' AND length("_s + text
           + u") <= 1000)"_s;
}

bool isInteger(PgType type)
{
    return type == PgType::Int2 || type == PgType::Int4 || type == PgType::Int8;
}

bool isTextual(PgType type)
{
    return type == PgType::Text || type == PgType::Other;
}

// The value as text, for checks that read it like SQLite's TEXT.
QString asText(PgType type)
{
    return type == PgType::Text ? kValue : kValue + u"::text"_s;
}

// The checks of PostgreSQL columns, each agreeing with ValueChecks on what it accepts,
// over kValue; NULL values never reach them (they are counted apart).
namespace PostgresValueChecks {

// A calendar date from its year, month and day expressions (integers), QDate's rules.
QString validDate(const QString &year, const QString &month, const QString &day)
{
    return u"(%1 <> 0 AND %2 BETWEEN 1 AND 12 AND %3 BETWEEN 1 AND CASE WHEN %2 = 2 THEN CASE WHEN mod(%1, 4) = 0 "
           u"AND (mod(%1, 100) <> 0 OR mod(%1, 400) = 0) THEN 29 ELSE 28 END WHEN %2 IN (4, 6, 9, 11) THEN 30 ELSE 31 END)"_s
        .arg(year, month, day);
}

// A field's date format (YYYY, YY, MM, DD and separators) as a pattern and the places
// of its parts; nothing when it uses other letters.
struct DatePattern
{
    QString pattern;
    int year = 0, yearLength = 0, month = 0, day = 0; // 1-based character positions
};

std::optional<DatePattern> datePattern(const QString &format)
{
    const QString upper = format.trimmed().toUpper();
    DatePattern parsed;
    parsed.pattern = u"^"_s;
    int position = 1;
    for (qsizetype i = 0; i < upper.size();) {
        auto token = [&](QStringView name) { return QStringView(upper).mid(i).startsWith(name); };
        if (token(u"YYYY") || token(u"YY")) {
            parsed.yearLength = token(u"YYYY") ? 4 : 2;
            parsed.year = position;
        } else if (token(u"MM")) {
            parsed.month = position;
        } else if (token(u"DD")) {
            parsed.day = position;
        } else if (upper.at(i).isLetterOrNumber()) {
            return std::nullopt;
        } else {
            parsed.pattern += u'\\' + upper.at(i);
            ++i;
            ++position;
            continue;
        }
        const int length = token(u"YYYY") ? 4 : 2;
        parsed.pattern += u"[0-9]{%1}"_s.arg(length);
        i += length;
        position += length;
    }
    if (parsed.year == 0 || parsed.month == 0 || parsed.day == 0)
        return std::nullopt;
    parsed.pattern += u'$';
    return parsed;
}

std::optional<SqlFragment> typeCheck(PgType type, const TypeCheck &check)
{
    using Kind = TypeCheck::Kind;
    const QString text = asText(type);
    const bool number = isInteger(type) || type == PgType::Numeric || type == PgType::Float;
    switch (check.kind) {
    case Kind::None:
        return std::nullopt;
    case Kind::Decimal: {
        if (!check.precision) { // any number
            if (isInteger(type))
                return sql(u"TRUE"_s);
            if (type == PgType::Numeric || type == PgType::Float)
                return sql(u"{v} - {v} = 0"_s); // finite
            return isTextual(type) ? sql(text + u" ~ "_s + kNumberShape) : sql(u"FALSE"_s);
        }
        const int scale = check.scale.value_or(0);
        const int integerDigits = *check.precision - scale;
        const QString limit = u"1e%1"_s.arg(integerDigits);
        if (isInteger(type)) {
            if (integerDigits >= 19)
                return sql(u"TRUE"_s);
            const qint64 bound = qint64(std::llround(std::pow(10.0, integerDigits)));
            return sql(u"({v} > ?::bigint AND {v} < ?::bigint)"_s, {-bound, bound});
        }
        // Fits p,s: no more than s fraction digits once trailing zeros are gone, and
        // fewer than 10^(p-s) in magnitude.
        auto fits = [&](const QString &value) {
            return sql(u"(%1 = round(%1, ?::int) AND abs(%1) < ?::numeric)"_s.arg(value), {scale, limit});
        };
        if (type == PgType::Numeric) {
            SqlFragment fragment = fits(kValue);
            fragment.sql = u"({v} - {v} = 0 AND "_s + fragment.sql + u')';
            return fragment;
        }
        if (type == PgType::Float) {
            // ValueChecks::realFits: a fast path on the double, else its shortest decimal.
            SqlFragment slow = fits(u"{v}::text::numeric"_s);
            if (scale > 15 || integerDigits > 22) {
                slow.sql = u"({v} - {v} = 0 AND "_s + slow.sql + u')';
                return slow;
            }
            const double factor = std::pow(10.0, scale);
            SqlFragment fragment = sql(u"CASE WHEN NOT ({v} - {v} = 0) THEN FALSE WHEN abs(round({v} * ?::float8)) < "
                                       u"9007199254740992 AND round({v} * ?::float8) / ?::float8 = {v} "
                                       u"THEN abs({v}) < ?::float8 ELSE "_s,
                                       {factor, factor, factor, std::pow(10.0, integerDigits)});
            fragment.sql += slow.sql + u" END"_s;
            fragment.values.append(slow.values);
            return fragment;
        }
        if (!isTextual(type))
            return sql(u"FALSE"_s);
        SqlFragment fragment = fits(text + u"::numeric"_s);
        fragment.sql = u"CASE WHEN "_s + castableNumber(text) + u" THEN "_s + fragment.sql + u" ELSE FALSE END"_s;
        return fragment;
    }
    case Kind::Integer:
        if (isInteger(type))
            return sql(u"TRUE"_s);
        if (type == PgType::Numeric || type == PgType::Float)
            return sql(u"({v} - {v} = 0 AND {v} = trunc({v}) AND abs({v}) < 9.2e18)"_s);
        if (!isTextual(type))
            return sql(u"FALSE"_s);
        return sql(u"CASE WHEN %1 !~ '^[+-]?[0-9]+$' THEN FALSE WHEN length(ltrim(%1, '+-0')) <= 18 THEN TRUE "
                   u"ELSE length(%1) <= 1000 AND %1::numeric BETWEEN -9223372036854775808 AND 9223372036854775807 END"_s
                       .arg(text));
    case Kind::Text:
        if (!check.maxLength)
            return std::nullopt;
        return sql(u"length("_s + text + u") <= ?::int"_s, {*check.maxLength});
    case Kind::Date: {
        if (type == PgType::Date)
            return sql(u"TRUE"_s);
        if (!isTextual(type))
            return sql(u"FALSE"_s);
        const auto pattern = datePattern(check.dateFormat);
        if (!pattern)
            return std::nullopt; // refused by problem()
        auto part = [&](int position, int length) {
            return u"substr(%1, %2, %3)::int"_s.arg(text).arg(position).arg(length);
        };
        QString year = part(pattern->year, pattern->yearLength);
        if (pattern->yearLength == 2)
            year = u"(1900 + "_s + year + u')';
        return sql(u"CASE WHEN "_s + text + u" ~ ? THEN "_s
                       + validDate(year, part(pattern->month, 2), part(pattern->day, 2)) + u" ELSE FALSE END"_s,
                   {pattern->pattern});
    }
    case Kind::Timestamp:
        if (type == PgType::Timestamp || type == PgType::TimestampTz)
            return sql(u"TRUE"_s);
        if (!isTextual(type))
            return sql(u"FALSE"_s);
        // ISO 8601 as Qt::ISODateWithMs reads it, 'T' or ' ' between date and time.
        return sql(u"CASE WHEN %1 ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9]([.,][0-9]+)?)?"
                   u"(Z|[+-][0-9]{2}(:?[0-9]{2})?)?$' THEN %2 ELSE FALSE END"_s.arg(
                       text, validDate(u"substr(%1, 1, 4)::int"_s.arg(text), u"substr(%1, 6, 2)::int"_s.arg(text),
                                       u"substr(%1, 9, 2)::int"_s.arg(text))));
    case Kind::Boolean:
        if (type == PgType::Boolean)
            return sql(u"TRUE"_s);
        if (number)
            return sql(u"{v} IN (0, 1)"_s);
        if (!isTextual(type))
            return sql(u"FALSE"_s);
        return sql(u"lower("_s + text + u") IN ('true', 'false', 't', 'f', 'yes', 'no', 'y', 'n', '0', '1')"_s);
    }
    return std::nullopt;
}

// The value as a number for a range, in the type the bounds are cast to; NULL (failing
// the range) when it is not one, like steward_number.
std::pair<QString, QString> numericValue(PgType type)
{
    if (isInteger(type))
        return {kValue, u"bigint"_s};
    if (type == PgType::Numeric)
        return {u"NULLIF({v}, 'NaN')"_s, u"numeric"_s};
    if (type == PgType::Float)
        return {u"NULLIF({v}, 'NaN')"_s, u"float8"_s};
    if (!isTextual(type))
        return {QString(), QString()};
    const QString text = asText(type);
    // Beyond the largest double the SQLite side has no number either.
    return {u"CASE WHEN %1 AND abs(%2::numeric) <= 1.7976931348623157e308 THEN %2::numeric END"_s.arg(
                castableNumber(text), text),
            u"numeric"_s};
}

QVariant boundFor(double value, const QString &type, bool lower)
{
    if (type != u"bigint"_s)
        return value;
    // Integers compare with integral bounds exactly: 1.5 <= x is 2 <= x.
    const double rounded = lower ? std::ceil(value) : std::floor(value);
    return qint64(std::clamp(rounded, -9.2e18, 9.2e18));
}

std::optional<SqlFragment> range(PgType type, const RuleDefinition &rule)
{
    const auto [number, castType] = numericValue(type);
    if (number.isEmpty())
        return sql(u"FALSE"_s);
    QStringList conditions;
    QVariantList values;
    // The bounds as the embedded engine compares them: the JSON number as a double.
    if (rule.min) {
        conditions.append(number + u" >= ?::"_s + castType);
        values.append(boundFor(rule.min->text().toDouble(), castType, true));
    }
    if (rule.max) {
        conditions.append(number + u" <= ?::"_s + castType);
        values.append(boundFor(rule.max->text().toDouble(), castType, false));
    }
    if (conditions.isEmpty())
        return sql(u"TRUE"_s);
    return sql(u"COALESCE("_s + conditions.join(u" AND "_s) + u", FALSE)"_s, values);
}

// A JSON enum value as SQLite's text comparison sees it.
QString enumText(const json::Node &value)
{
    if (value.isBool())
        return value.toBool() ? u"1"_s : u"0"_s;
    if (value.isNumber()) {
        const double number = value.text().toDouble();
        if (const auto integral = ValueChecks::integralValue(number))
            return QString::number(*integral);
        return QString::number(number, 'g', 15);
    }
    return value.text();
}

std::optional<SqlFragment> enumeration(PgType type, const QList<json::Node> &values)
{
    SqlFragment fragment;
    QStringList placeholders;
    const bool number = isInteger(type) || type == PgType::Numeric || type == PgType::Float;
    const QString castType = isInteger(type) ? u"bigint"_s : type == PgType::Numeric ? u"numeric"_s : u"float8"_s;
    for (const json::Node &value : values) {
        const QString spelled = enumText(value);
        if (!number) {
            fragment.values.append(spelled);
            placeholders.append(u"?"_s);
            continue;
        }
        // A number column matches the numbers of the list (and text that is one).
        const QByteArray bytes = spelled.toUtf8();
        if (const auto integer = ValueChecks::integerLiteral(bytes)) {
            fragment.values.append(*integer);
        } else if (ValueChecks::decimalShape(bytes) && castType != u"bigint"_s) {
            fragment.values.append(spelled.toDouble());
        } else {
            continue;
        }
        placeholders.append(u"?::"_s + castType);
    }
    if (placeholders.isEmpty())
        return sql(u"FALSE"_s);
    fragment.sql = (number ? kValue : asText(type)) + u" IN ("_s + placeholders.join(u", "_s) + u')';
    return fragment;
}

// A rule's check in SQL; a regex only where the column is not grouped by value (an
// exact column's values are judged by RulePattern itself, see PostgresScanQuery::read).
std::optional<SqlFragment> ruleCheck(PgType type, const RuleDefinition &rule)
{
    switch (rule.type) {
    case RuleType::Regex:
        return sql(asText(type) + u" ~ ?"_s, {PostgresScanQuery::anchoredPattern(rule.pattern)});
    case RuleType::Range:
        return range(type, rule);
    case RuleType::Enum:
        return enumeration(type, rule.values);
    case RuleType::NotNull:
    case RuleType::Unique:
        break;
    }
    return std::nullopt; // not_null and unique come from the column's counts
}

// A 64-bit hash of the value, for the HyperLogLog registers.
QString hash(PgType type)
{
    switch (type) {
    case PgType::Int2: return u"hashint2extended({v}, 0)"_s;
    case PgType::Int4: return u"hashint4extended({v}, 0)"_s;
    case PgType::Int8: return u"hashint8extended({v}, 0)"_s;
    case PgType::Numeric: return u"hash_numeric_extended({v}, 0)"_s;
    case PgType::Float: return u"hashfloat8extended({v}, 0)"_s;
    case PgType::Boolean: return u"hashint4extended({v}::int, 0)"_s;
    case PgType::Date: return u"hashint4extended({v} - DATE '2000-01-01', 0)"_s;
    case PgType::Timestamp: return u"timestamp_hash_extended({v}, 0)"_s;
    case PgType::TimestampTz: return u"timestamp_hash_extended({v} AT TIME ZONE 'UTC', 0)"_s;
    case PgType::Text: return u"hashtextextended({v}, 0)"_s;
    case PgType::Other: return u"hashtextextended({v}::text, 0)"_s;
    }
    return QString();
}

} // namespace PostgresValueChecks

QString substitute(QString text, const QString &value)
{
    return text.replace(kValue, value);
}

} // namespace

PgType pgTypeOf(const QString &typeName)
{
    static const QHash<QString, PgType> types{
        {u"int2"_s, PgType::Int2},       {u"int4"_s, PgType::Int4},
        {u"int8"_s, PgType::Int8},       {u"numeric"_s, PgType::Numeric},
        {u"float4"_s, PgType::Float},    {u"float8"_s, PgType::Float},
        {u"bool"_s, PgType::Boolean},    {u"date"_s, PgType::Date},
        {u"timestamp"_s, PgType::Timestamp}, {u"timestamptz"_s, PgType::TimestampTz},
        {u"text"_s, PgType::Text},       {u"varchar"_s, PgType::Text},
        {u"bpchar"_s, PgType::Text},     {u"name"_s, PgType::Text},
    };
    return types.value(typeName, PgType::Other);
}

void PgPartCounts::merge(PgPartCounts &other)
{
    rows += other.rows;
    nonNull += other.nonNull;
    valid += other.valid;
    for (int i = 0; i < passes.size() && i < other.passes.size(); ++i)
        passes[i] += other.passes.at(i);
    for (int i = 0; i < unevaluated.size() && i < other.unevaluated.size(); ++i)
        unevaluated[i] += other.unevaluated.at(i);
    if (values && other.values) {
        otherParts.push_back(std::move(other.values));
        for (auto &part : other.otherParts)
            otherParts.push_back(std::move(part));
        other.otherParts.clear();
    }
    if (sketch && other.sketch)
        sketch->merge(*other.sketch);
}

DistinctCount PgPartCounts::distinct()
{
    if (!values)
        return DistinctCount{sketch->count(), false};
    if (otherParts.empty())
        return DistinctCount{values->count(), values->isExact()};
    std::vector<DistinctCounter *> parts{values.get()};
    for (const auto &part : otherParts)
        parts.push_back(part.get());
    return DistinctCounter::unionOf(parts);
}

PostgresScanQuery::PostgresScanQuery(QList<PgColumn> columns)
{
    for (PgColumn &column : columns) {
        Plan plan;
        plan.slots.target = column.target;
        plan.slots.typeCheck = TypeCheck::of(column.target.dataType, column.target.format);
        if (auto check = PostgresValueChecks::typeCheck(column.type, plan.slots.typeCheck)) {
            plan.slots.typeCheckSlot = int(plan.checks.size());
            plan.checks.append(*check);
        }
        for (const RuleCheck &rule : column.target.rules) {
            if (column.exact && rule.rule.type == RuleType::Regex) {
                plan.slots.ruleSlots.append(int(plan.checks.size()));
                plan.patterns.append({int(plan.checks.size()), std::make_shared<const RulePattern>(rule.rule.pattern)});
                plan.checks.append(SqlFragment{});
                continue;
            }
            const auto check = PostgresValueChecks::ruleCheck(column.type, rule.rule);
            plan.slots.ruleSlots.append(check ? int(plan.checks.size()) : -1);
            if (check)
                plan.checks.append(*check);
        }
        plan.slots.checkCount = int(plan.checks.size());
        plan.column = std::move(column);
        m_plans.append(plan);
    }
}

std::optional<QString> PostgresScanQuery::problem(const ColumnTarget &target)
{
    const TypeCheck check = TypeCheck::of(target.dataType, target.format);
    if (check.kind == TypeCheck::Kind::Date && !PostgresValueChecks::datePattern(check.dateFormat))
        return CoreTr::tr("the date format \"%1\" cannot be checked on PostgreSQL: use YYYY, YY, MM and DD "
                          "with separators")
            .arg(check.dateFormat);
    int checks = 0;
    for (const RuleCheck &rule : target.rules)
        checks += rule.rule.type == RuleType::NotNull || rule.rule.type == RuleType::Unique ? 0 : 1;
    if (checks + 1 > kMaxChecks)
        return CoreTr::tr("a field can have at most %1 rules on PostgreSQL").arg(kMaxChecks - 1);
    return std::nullopt;
}

QString PostgresScanQuery::anchoredPattern(const QString &pattern)
{
    // Embedded options, e.g. (?i), must stay in front of everything else.
    qsizetype options = 0;
    if (pattern.startsWith(u"(?"_s)) {
        const qsizetype close = pattern.indexOf(u')');
        bool letters = close > 2;
        for (qsizetype i = 2; letters && i < close; ++i)
            letters = pattern.at(i).isLower();
        options = letters ? close + 1 : 0;
    }
    return pattern.left(options) + u"^(?:"_s + pattern.mid(options) + u")$"_s;
}

SqlFragment PostgresScanQuery::flags(const Plan &plan, const QString &value) const
{
    SqlFragment fragment;
    QStringList bits;
    for (int c = 0; c < plan.checks.size(); ++c) {
        if (plan.checks.at(c).sql.isEmpty())
            continue; // a value pattern: its bit is set when the row is read
        bits.append(u"CASE WHEN %1 THEN %2::bigint ELSE 0 END"_s.arg(substitute(plan.checks.at(c).sql, value))
                        .arg(qint64(1) << c));
        fragment.values.append(plan.checks.at(c).values);
    }
    if (bits.isEmpty())
        return sql(u"0::bigint"_s);
    fragment.sql = u'(' + bits.join(u" | "_s) + u')';
    return fragment;
}

SqlFragment PostgresScanQuery::statement(const SqlFragment &from, const SqlFragment &where) const
{
    // Three levels: per row the values, hashes and check flags (inner), the registers
    // and hash rests made of them (middle, so the grouping keys are plain columns), and
    // the grouping. Values are bound in the order their placeholders appear.
    QStringList sets;
    QStringList which;
    QStringList outer;
    QVariantList outerValues;
    QStringList middle;
    QStringList inner;
    QVariantList innerValues;
    for (int i = 0; i < m_plans.size(); ++i) {
        const Plan &plan = m_plans.at(i);
        SqlFragment column{u'"' + QString(plan.column.target.column).replace(u'"', u"\"\""_s) + u'"', {}};
        if (plan.column.exact) {
            const QString group = u"g%1"_s.arg(i);
            // Types without an equality (json, point, ...) group by their text.
            inner.append(column.sql + (plan.column.type == PgType::Other ? u"::text"_s : QString()) + u" AS "_s + group);
            middle.append(group);
            const SqlFragment checks = flags(plan, group);
            outer.append(group + u"::text"_s);
            outer.append(checks.sql);
            outerValues.append(checks.values);
            sets.append(u'(' + group + u')');
            which.append(u"WHEN GROUPING(%1) = 0 THEN %2"_s.arg(group).arg(i));
            continue;
        }
        const QString hashed = u"h%1"_s.arg(i);
        const QString checked = u"f%1"_s.arg(i);
        inner.append(substitute(PostgresValueChecks::hash(plan.column.type), column.sql) + u" AS "_s + hashed);
        const SqlFragment checks = flags(plan, column.sql);
        inner.append(checks.sql + u" AS "_s + checked);
        innerValues.append(checks.values);
        // The register (top 14 bits of the hash) and the row's check results, and the
        // rest of the hash; NULL for a NULL value.
        const QString key = u"k%1"_s.arg(i);
        const QString rest = u"r%1"_s.arg(i);
        middle.append(u"(((%1 >> 50) & 16383) | (%2 << 14)) AS %3"_s.arg(hashed, checked, key));
        middle.append(u"%1 & %2 AS %3"_s.arg(hashed).arg(kRestMask).arg(rest));
        outer.append(key);
        outer.append(u"min(%1)"_s.arg(rest));
        sets.append(u'(' + key + u')');
        which.append(u"WHEN GROUPING(%1) = 0 THEN %2"_s.arg(key).arg(i));
    }
    SqlFragment statement;
    statement.sql = u"SELECT CASE "_s + which.join(u' ') + u" END, "_s + outer.join(u", "_s) + u", count(*) FROM (SELECT "_s
                    + middle.join(u", "_s) + u" FROM (SELECT "_s + inner.join(u", "_s) + u" FROM "_s + from.sql;
    statement.values = outerValues + innerValues + from.values;
    if (!where.sql.isEmpty()) {
        statement.sql += u" WHERE "_s + where.sql;
        statement.values.append(where.values);
    }
    // OFFSET 0 keeps the per-row level apart, so each hash is computed once.
    statement.sql += u" OFFSET 0) r) s GROUP BY GROUPING SETS ("_s + sets.join(u", "_s) + u')';
    return statement;
}

std::vector<PgPartCounts> PostgresScanQuery::emptyCounts(const std::shared_ptr<MemoryBudget> &budget) const
{
    std::vector<PgPartCounts> counts(std::size_t(m_plans.size()));
    for (std::size_t i = 0; i < counts.size(); ++i) {
        counts[i].passes.fill(0, m_plans.at(qsizetype(i)).checks.size());
        counts[i].unevaluated.fill(0, m_plans.at(qsizetype(i)).checks.size());
        if (m_plans.at(qsizetype(i)).column.exact)
            counts[i].values = std::make_unique<DistinctCounter>(budget);
        else
            counts[i].sketch = std::make_unique<HyperLogLog>();
    }
    return counts;
}

void PostgresScanQuery::read(const QSqlQuery &row, std::vector<PgPartCounts> &counts) const
{
    const int i = row.value(0).toInt();
    if (i < 0 || i >= m_plans.size())
        return;
    const Plan &plan = m_plans.at(i);
    PgPartCounts &count = counts[std::size_t(i)];
    const qint64 n = row.value(1 + 2 * int(m_plans.size())).toLongLong();
    const QVariant value = row.value(1 + 2 * i);
    count.rows += n;
    if (value.isNull())
        return;
    count.nonNull += n;
    quint64 bits = 0;
    if (plan.column.exact) {
        const QString text = value.toString();
        count.values->addText(text.toUtf8());
        bits = row.value(2 + 2 * i).toULongLong();
        for (const ValuePattern &check : plan.patterns) {
            switch (check.pattern->match(text)) {
            case RulePattern::Verdict::Match: bits |= quint64(1) << check.slot; break;
            case RulePattern::Verdict::NoMatch: break;
            case RulePattern::Verdict::GaveUp: count.unevaluated[check.slot] += n; break;
            }
        }
    } else {
        const quint64 key = value.toULongLong();
        bits = key >> 14;
        // The register's smallest hash rest is its largest rank.
        count.sketch->addHash(((key & 16383) << 50) | row.value(2 + 2 * i).toULongLong());
    }
    const quint64 all = plan.checks.isEmpty() ? 0 : (quint64(1) << plan.checks.size()) - 1;
    for (int c = 0; c < plan.checks.size(); ++c)
        count.passes[c] += (bits >> c) & 1 ? n : 0;
    count.valid += (bits & all) == all ? n : 0;
}

QList<ScanQuery::Column> PostgresScanQuery::columns() const
{
    QList<ScanQuery::Column> columns;
    for (const Plan &plan : m_plans)
        columns.append(plan.slots);
    return columns;
}

QList<ColumnCounts> PostgresScanQuery::finish(std::vector<PgPartCounts> &counts) const
{
    QList<ColumnCounts> result;
    for (int i = 0; i < m_plans.size(); ++i) {
        const ScanQuery::Column &slots = m_plans.at(i).slots;
        PgPartCounts &part = counts[std::size_t(i)];
        ColumnCounts column;
        column.rows = part.rows;
        column.nonNull = part.nonNull;
        column.valid = part.valid;
        column.distinct = part.distinct();
        if (slots.typeCheckSlot >= 0)
            column.typePasses = part.passes.value(slots.typeCheckSlot);
        for (int r = 0; r < slots.target.rules.size(); ++r) {
            const int slot = slots.ruleSlots.value(r, -1);
            const bool unique = slots.target.rules.at(r).rule.type == RuleType::Unique;
            column.rulePasses.append(slot >= 0 ? part.passes.value(slot)
                                     : unique  ? std::min(column.distinct.count, column.nonNull)
                                               : column.nonNull);
            column.ruleUnevaluated.append(slot >= 0 ? part.unevaluated.value(slot) : 0);
        }
        result.append(column);
    }
    return result;
}

} // namespace steward::profiler
