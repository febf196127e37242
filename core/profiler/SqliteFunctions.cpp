#include "profiler/SqliteFunctions.h"

#include "Tr.h"
#include "model/RuleDefinition.h"
#include "profiler/DistinctParts.h"
#include "profiler/ScanQueryBuilder.h"

#include <QDate>
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <string>

using namespace Qt::StringLiterals;

namespace steward::profiler::SqliteFunctions {
namespace {

using namespace ValueChecks;

// What every function registered on one connection shares.
using SharedState = std::shared_ptr<ScanState>;

ScanState &stateOf(sqlite3_context *context)
{
    return **static_cast<SharedState *>(sqlite3_user_data(context));
}

void destroyState(void *state)
{
    delete static_cast<SharedState *>(state);
}

QByteArrayView bytesOf(sqlite3_value *value)
{
    const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(value));
    return QByteArrayView(text, sqlite3_value_bytes(value));
}

void resultError(sqlite3_context *context, const QString &message)
{
    const QByteArray utf8 = message.toUtf8();
    sqlite3_result_error(context, utf8.constData(), int(utf8.size()));
}

// What argument `index` compiles to (a pattern, a format), made once per statement
// while SQLite keeps it; `local` owns it when SQLite does not (a non-constant argument).
template <typename T, typename Make>
const T *cachedArgument(sqlite3_context *context, int index, std::unique_ptr<T> &local, Make make)
{
    if (const auto *cached = static_cast<const T *>(sqlite3_get_auxdata(context, index)))
        return cached;
    T *made = make().release();
    sqlite3_set_auxdata(context, index, made, [](void *p) { delete static_cast<T *>(p); });
    if (sqlite3_get_auxdata(context, index) == made)
        return made;
    local = make(); // SQLite deleted it at once
    return local.get();
}

void numberFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_INTEGER:
    case SQLITE_FLOAT:
        sqlite3_result_value(context, argv[0]);
        return;
    case SQLITE_TEXT: {
        const QByteArrayView text = bytesOf(argv[0]);
        if (const auto integer = integerLiteral(text)) {
            sqlite3_result_int64(context, *integer);
            return;
        }
        if (!decimalShape(text))
            break;
        bool ok = false;
        const double value = QByteArray::fromRawData(text.data(), text.size()).toDouble(&ok);
        if (ok && std::isfinite(value)) {
            sqlite3_result_double(context, value);
            return;
        }
        break;
    }
    default:
        break;
    }
    sqlite3_result_null(context);
}

void decimalFitsFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const int type = sqlite3_value_type(argv[0]);
    if (type == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    // Without a precision any number fits: a million digits on either side.
    const bool limited = sqlite3_value_type(argv[1]) != SQLITE_NULL;
    const bool scaled = sqlite3_value_type(argv[2]) != SQLITE_NULL;
    const qint64 scale = !limited ? 1'000'000 : scaled ? sqlite3_value_int64(argv[2]) : 0;
    const qint64 precision = limited ? sqlite3_value_int64(argv[1]) : 2'000'000;
    bool fits = false;
    if (type == SQLITE_INTEGER) {
        fits = digitCount(sqlite3_value_int64(argv[0])) <= precision - scale;
    } else if (type == SQLITE_FLOAT) {
        fits = limited ? realFits(sqlite3_value_double(argv[0]), precision, scale)
                       : std::isfinite(sqlite3_value_double(argv[0]));
    } else if (type == SQLITE_TEXT) {
        const auto shape = decimalShape(bytesOf(argv[0]));
        fits = shape && shapeFits(*shape, precision, scale);
    }
    sqlite3_result_int(context, fits ? 1 : 0);
}

void isIntegerFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    bool integer = false;
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_NULL:
        sqlite3_result_null(context);
        return;
    case SQLITE_INTEGER:
        integer = true;
        break;
    case SQLITE_FLOAT:
        integer = integralValue(sqlite3_value_double(argv[0])).has_value();
        break;
    case SQLITE_TEXT:
        integer = integerLiteral(bytesOf(argv[0])).has_value();
        break;
    default:
        break;
    }
    sqlite3_result_int(context, integer ? 1 : 0);
}

void isBooleanFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    bool boolean = false;
    switch (sqlite3_value_type(argv[0])) {
    case SQLITE_NULL:
        sqlite3_result_null(context);
        return;
    case SQLITE_INTEGER: {
        const qint64 value = sqlite3_value_int64(argv[0]);
        boolean = value == 0 || value == 1;
        break;
    }
    case SQLITE_FLOAT: {
        const double value = sqlite3_value_double(argv[0]);
        boolean = value == 0.0 || value == 1.0;
        break;
    }
    case SQLITE_TEXT:
        boolean = isBooleanText(bytesOf(argv[0]));
        break;
    default:
        break;
    }
    sqlite3_result_int(context, boolean ? 1 : 0);
}

void isDateFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const int type = sqlite3_value_type(argv[0]);
    if (type == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    std::unique_ptr<DateFormat> local;
    const DateFormat *format = argc < 2 ? nullptr : cachedArgument<DateFormat>(context, 1, local, [&] {
        return std::make_unique<DateFormat>(dateFormat(QString::fromUtf8(bytesOf(argv[1]))));
    });
    bool valid = false;
    if (type == SQLITE_TEXT) {
        const QByteArrayView text = bytesOf(argv[0]);
        if (!format || format->iso)
            valid = isIsoDate(text);
        else
            valid = QDate::fromString(QString::fromUtf8(text), format->qtFormat).isValid();
    }
    sqlite3_result_int(context, valid ? 1 : 0);
}

void isTimestampFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    const int type = sqlite3_value_type(argv[0]);
    if (type == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    bool valid = false;
    if (type == SQLITE_TEXT) {
        QString text = QString::fromUtf8(bytesOf(argv[0]));
        if (text.size() > 10 && (text.at(10) == u'T' || text.at(10) == u' ') && isIsoDate(bytesOf(argv[0]).first(10))) {
            text[10] = u'T';
            valid = QDateTime::fromString(text, Qt::ISODateWithMs).isValid();
        }
    }
    sqlite3_result_int(context, valid ? 1 : 0);
}

// ---- REGEXP -------------------------------------------------------------------------

void regexpFunction(sqlite3_context *context, int, sqlite3_value **argv)
{
    // SQLite calls `x REGEXP p` as regexp(p, x).
    if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL) {
        sqlite3_result_null(context);
        return;
    }
    std::unique_ptr<RulePattern> local;
    const RulePattern *pattern = cachedArgument<RulePattern>(context, 0, local, [&] {
        return std::make_unique<RulePattern>(QString::fromUtf8(bytesOf(argv[0])));
    });
    if (const QString error = pattern->error(); !error.isEmpty()) {
        resultError(context, CoreTr::tr("invalid regular expression \"%1\": %2")
                                 .arg(QString::fromUtf8(bytesOf(argv[0])), error));
        return;
    }
    // ASCII subjects (most of a warehouse) skip the UTF-8 decoder.
    thread_local std::u16string wide;
    const QByteArrayView subject = bytesOf(argv[1]);
    bool ascii = true;
    wide.resize(std::size_t(subject.size()));
    for (qsizetype i = 0; i < subject.size(); ++i) {
        const auto byte = static_cast<unsigned char>(subject[i]);
        if (byte >= 0x80) {
            ascii = false;
            break;
        }
        wide[std::size_t(i)] = char16_t(byte);
    }
    const RulePattern::Verdict verdict = ascii ? pattern->match(QStringView(wide.data(), subject.size()))
                                               : pattern->match(QString::fromUtf8(subject));
    switch (verdict) {
    case RulePattern::Verdict::Match: sqlite3_result_int(context, 1); break;
    case RulePattern::Verdict::NoMatch: sqlite3_result_int(context, 0); break;
    // Unknown: neither valid nor invalid (steward_checks counts it as not evaluated).
    case RulePattern::Verdict::GaveUp: sqlite3_result_null(context); break;
    }
}

// ---- aggregates ---------------------------------------------------------------------

void rowsStep(sqlite3_context *context, int, sqlite3_value **)
{
    auto *count = static_cast<qint64 *>(sqlite3_aggregate_context(context, sizeof(qint64)));
    if (!count) {
        sqlite3_result_error_nomem(context);
        return;
    }
    ++*count;
    // One writer (this thread); the progress handler reads it on the same thread.
    std::atomic<qint64> &rows = stateOf(context).rows;
    rows.store(rows.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
}

void rowsFinal(sqlite3_context *context)
{
    auto *count = static_cast<qint64 *>(sqlite3_aggregate_context(context, 0));
    sqlite3_result_int64(context, count ? *count : 0);
}

// Pass counts of a column's checks over its non-null values, of all of them together
// (the valid values), and per check how often it could not judge a value (NULL for a
// non-null value): the context holds the number of checks n, the n pass counts, the
// count of all, then the n unevaluated counts.
void checksStep(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    const int checks = std::max(0, argc - 1);
    auto *counts =
        static_cast<qint64 *>(sqlite3_aggregate_context(context, int(sizeof(qint64)) * (2 * checks + 2)));
    if (!counts) {
        sqlite3_result_error_nomem(context);
        return;
    }
    counts[0] = checks;
    if (argc == 0 || sqlite3_value_type(argv[0]) == SQLITE_NULL)
        return;
    bool all = true;
    for (int i = 0; i < checks; ++i) {
        // 1 passes; 0 does not; NULL was not judged, and does not pass either.
        const int type = sqlite3_value_type(argv[i + 1]);
        const bool pass = type == SQLITE_INTEGER && sqlite3_value_int64(argv[i + 1]) == 1;
        counts[i + 1] += pass ? 1 : 0;
        counts[checks + 2 + i] += type == SQLITE_NULL ? 1 : 0;
        all = all && pass;
    }
    counts[checks + 1] += all ? 1 : 0;
}

void checksFinal(sqlite3_context *context)
{
    const auto *counts = static_cast<const qint64 *>(sqlite3_aggregate_context(context, 0));
    QByteArray text;
    for (qint64 i = 1; counts && i <= 2 * counts[0] + 1; ++i)
        text += (i > 1 ? " " : "") + QByteArray::number(counts[i]);
    sqlite3_result_text(context, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

// The aggregate context of the distinct functions.
struct DistinctSlot
{
    DistinctCounter *counter; // owned; SQLite zero-fills a new context
    qint64 token;             // steward_distinct_part: where the counter goes at the end
};

// The call's slot; `budget` gives the new counter its budget on the first row only (a
// shared_ptr copied per row would bounce its count between the threads of a split scan).
template <typename Budget> DistinctSlot *distinctSlot(sqlite3_context *context, Budget budget)
{
    auto *slot = static_cast<DistinctSlot *>(sqlite3_aggregate_context(context, sizeof(DistinctSlot)));
    if (!slot) {
        sqlite3_result_error_nomem(context);
        return nullptr;
    }
    if (!slot->counter)
        slot->counter = new DistinctCounter(budget(), stateOf(context).distinctExpectedRows);
    return slot;
}

void addValue(DistinctCounter &counter, sqlite3_value *value)
{
    switch (sqlite3_value_type(value)) {
    case SQLITE_NULL:
        return;
    case SQLITE_INTEGER:
        counter.addInteger(sqlite3_value_int64(value));
        return;
    case SQLITE_FLOAT:
        counter.addReal(sqlite3_value_double(value));
        return;
    case SQLITE_TEXT:
        counter.addText(bytesOf(value));
        return;
    default:
        counter.addBlob(QByteArrayView(static_cast<const char *>(sqlite3_value_blob(value)),
                                       sqlite3_value_bytes(value)));
        return;
    }
}

void distinctStep(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    // A second argument is the call's own budget in bytes.
    auto *slot = distinctSlot(context, [&] {
        return argc > 1 && sqlite3_value_type(argv[1]) != SQLITE_NULL
                   ? std::make_shared<MemoryBudget>(sqlite3_value_int64(argv[1]))
                   : stateOf(context).distinctBudget;
    });
    if (slot)
        addValue(*slot->counter, argv[0]);
}

void distinctPartStep(sqlite3_context *context, int, sqlite3_value **argv)
{
    auto *slot = distinctSlot(context, [&] { return stateOf(context).distinctBudget; });
    if (!slot)
        return;
    slot->token = sqlite3_value_int64(argv[1]);
    addValue(*slot->counter, argv[0]);
}

// Takes the counter out of its context, so its memory goes back to the budget now.
std::unique_ptr<DistinctCounter> takeDistinct(sqlite3_context *context, qint64 *token = nullptr)
{
    auto *slot = static_cast<DistinctSlot *>(sqlite3_aggregate_context(context, 0));
    if (!slot || !slot->counter)
        return nullptr;
    std::unique_ptr<DistinctCounter> counter(slot->counter);
    slot->counter = nullptr;
    if (token)
        *token = slot->token;
    return counter;
}

void resultDistinctInfo(sqlite3_context *context, DistinctCounter *counter)
{
    const bool exact = !counter || counter->isExact();
    const QByteArray text = (exact ? QByteArray("exact:") : QByteArray("hyperloglog:"))
                            + QByteArray::number(counter ? counter->count() : 0);
    sqlite3_result_text(context, text.constData(), int(text.size()), SQLITE_TRANSIENT);
}

void distinctFinal(sqlite3_context *context)
{
    const auto counter = takeDistinct(context);
    sqlite3_result_int64(context, counter ? counter->count() : 0);
}

void distinctInfoFinal(sqlite3_context *context)
{
    resultDistinctInfo(context, takeDistinct(context).get());
}

void distinctPartFinal(sqlite3_context *context)
{
    qint64 token = 0;
    auto counter = takeDistinct(context, &token);
    resultDistinctInfo(context, counter.get());
    if (counter)
        DistinctParts::deposit(token, std::move(counter));
}

struct Registration
{
    const char *name;
    int arguments;
    void (*scalar)(sqlite3_context *, int, sqlite3_value **);
    void (*step)(sqlite3_context *, int, sqlite3_value **);
    void (*final)(sqlite3_context *);
};

} // namespace

sqlite3 *handle(const QSqlDatabase &database)
{
    if (!database.isOpen() || !database.driver())
        return nullptr;
    const QVariant value = database.driver()->handle();
    if (!value.isValid() || qstrcmp(value.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(value.constData());
}

Result<std::shared_ptr<ScanState>> install(QSqlDatabase &database, const Options &options)
{
    sqlite3 *connection = handle(database);
    if (!connection)
        return Error::make(ErrorCode::Unavailable,
                           CoreTr::tr("the profiler needs an open SQLite connection to register its functions"));
    const auto state = std::make_shared<ScanState>();
    state->distinctBudget = std::make_shared<MemoryBudget>(options.distinctMemoryBytes);
    static const Registration registrations[] = {
        {"regexp", 2, regexpFunction, nullptr, nullptr},
        {"steward_number", 1, numberFunction, nullptr, nullptr},
        {"steward_decimal_fits", 3, decimalFitsFunction, nullptr, nullptr},
        {"steward_is_integer", 1, isIntegerFunction, nullptr, nullptr},
        {"steward_is_date", 1, isDateFunction, nullptr, nullptr},
        {"steward_is_date", 2, isDateFunction, nullptr, nullptr},
        {"steward_is_timestamp", 1, isTimestampFunction, nullptr, nullptr},
        {"steward_is_boolean", 1, isBooleanFunction, nullptr, nullptr},
        {"steward_rows", 0, nullptr, rowsStep, rowsFinal},
        {"steward_checks", -1, nullptr, checksStep, checksFinal},
        {"steward_distinct", 1, nullptr, distinctStep, distinctFinal},
        {"steward_distinct", 2, nullptr, distinctStep, distinctFinal},
        {"steward_distinct_info", 1, nullptr, distinctStep, distinctInfoFinal},
        {"steward_distinct_info", 2, nullptr, distinctStep, distinctInfoFinal},
        {"steward_distinct_part", 2, nullptr, distinctPartStep, distinctPartFinal},
    };
    for (const Registration &registration : registrations) {
        const int flags = SQLITE_UTF8 | (registration.scalar ? SQLITE_DETERMINISTIC : 0);
        // Each registration holds a reference; SQLite releases it when the function is
        // replaced, the connection closes, or (also) when registering fails.
        const int rc = sqlite3_create_function_v2(connection, registration.name, registration.arguments, flags,
                                                  new SharedState(state), registration.scalar, registration.step,
                                                  registration.final, destroyState);
        if (rc != SQLITE_OK)
            return Error::make(ErrorCode::Unavailable, CoreTr::tr("cannot register the SQL function %1: %2")
                                                           .arg(QString::fromLatin1(registration.name),
                                                                QString::fromUtf8(sqlite3_errmsg(connection))));
    }
    return state;
}

} // namespace steward::profiler::SqliteFunctions
