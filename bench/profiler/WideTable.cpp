#include "WideTable.h"

#include <sqlite3.h>

#include <cstdio>
#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace widetable {
namespace {

const QStringList kCurrencies{u"EUR"_s, u"USD"_s, u"GBP"_s, u"CHF"_s, u"JPY"_s,
                              u"SEK"_s, u"NOK"_s, u"DKK"_s, u"PLN"_s};

quint64 splitmix(quint64 &state)
{
    quint64 z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Days since 1970-01-01 as YYYY-MM-DD (Howard Hinnant's civil_from_days).
void isoDate(qint64 days, char *out, std::size_t size)
{
    days += 719468;
    const qint64 era = (days >= 0 ? days : days - 146096) / 146097;
    const qint64 dayOfEra = days - era * 146097;
    const qint64 yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    const qint64 dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    const qint64 mp = (5 * dayOfYear + 2) / 153;
    const qint64 day = dayOfYear - (153 * mp + 2) / 5 + 1;
    const qint64 month = mp < 10 ? mp + 3 : mp - 9;
    const qint64 year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    std::snprintf(out, size, "%04lld-%02lld-%02lld", static_cast<long long>(year), static_cast<long long>(month),
                  static_cast<long long>(day));
}

struct Closer
{
    void operator()(sqlite3 *db) const { sqlite3_close(db); }
    void operator()(sqlite3_stmt *statement) const { sqlite3_finalize(statement); }
};

} // namespace

const QList<Column> &columns()
{
    static const QString currencies = u"\""_s + kCurrencies.join(u"\", \""_s) + u'"';
    static const QString currencyList = u"'"_s + kCurrencies.join(u"', '"_s) + u'\'';
    static const QList<Column> list{
        {u"line_key"_s, u"INTEGER"_s, u"INTEGER"_s, {}, u"tier1"_s, {}, {},
         {u"typeof(line_key) = 'integer'"_s}},
        {u"code"_s, u"TEXT"_s, u"TEXT"_s, u"7"_s, u"tier1"_s, u"regex"_s,
         uR"({"pattern": "^[A-Z]{2}-[0-9]{4}$"})"_s,
         {u"length(code) <= 7"_s, u"code REGEXP '^[A-Z]{2}-[0-9]{4}$'"_s}},
        {u"amount"_s, u"REAL"_s, u"DECIMAL"_s, u"18,2"_s, u"tier1"_s, u"range"_s, uR"({"min": 0, "max": 10000000})"_s,
         {u"round(amount, 2) = amount"_s, u"amount BETWEEN 0 AND 10000000"_s}},
        {u"currency"_s, u"TEXT"_s, u"TEXT"_s, u"3"_s, u"tier2"_s, u"enum"_s, u"{\"values\": [%1]}"_s.arg(currencies),
         {u"length(currency) <= 3"_s, u"currency IN (%1)"_s.arg(currencyList)}},
        {u"booking_date"_s, u"TEXT"_s, u"DATE"_s, u"YYYY-MM-DD"_s, u"tier2"_s, {}, {},
         {u"date(booking_date) = booking_date"_s}},
        {u"customer_id"_s, u"TEXT"_s, u"TEXT"_s, u"11"_s, u"tier2"_s, {}, {}, {u"length(customer_id) <= 11"_s}},
    };
    return list;
}

QString generate(const QString &path, qint64 rows)
{
    sqlite3 *raw = nullptr;
    const int opened = sqlite3_open_v2(path.toUtf8().constData(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                                       nullptr);
    std::unique_ptr<sqlite3, Closer> db(raw);
    if (opened != SQLITE_OK)
        return u"cannot create %1: %2"_s.arg(path, QString::fromUtf8(sqlite3_errmsg(raw)));
    QStringList declarations;
    for (const Column &column : columns())
        declarations.append(column.name + u' ' + column.sqlType);
    const QByteArray setup = (u"PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; CREATE TABLE "_s + kTable + u" ("_s
                              + declarations.join(u", "_s) + u"); BEGIN;"_s)
                                 .toUtf8();
    char *message = nullptr;
    if (sqlite3_exec(db.get(), setup.constData(), nullptr, nullptr, &message) != SQLITE_OK) {
        const QString error = QString::fromUtf8(message);
        sqlite3_free(message);
        return error;
    }
    sqlite3_stmt *rawInsert = nullptr;
    const QByteArray insertSql = (u"INSERT INTO "_s + kTable + u" VALUES (?, ?, ?, ?, ?, ?)"_s).toUtf8();
    sqlite3_prepare_v2(db.get(), insertSql.constData(), -1, &rawInsert, nullptr);
    std::unique_ptr<sqlite3_stmt, Closer> insert(rawInsert);

    static const char *const prefixes[] = {"GL", "AP", "AR", "FA", "CO"};
    const qint64 amountValues = std::max<qint64>(1, rows * 10 / 11); // ~60% of rows distinct
    const qint64 customers = rows * 50;                              // ~99% distinct
    const qint64 firstDay = 18262;                                   // 2020-01-01
    qint64 previousKey = 0;
    char text[32];
    for (qint64 row = 1; row <= rows; ++row) {
        quint64 state = quint64(row) * 0x2545f4914f6cdd1dULL;
        const quint64 nulls = splitmix(state);
        auto isNull = [&](int column) { return ((nulls >> (column * 10)) & 1023) < 15; }; // 1.5%
        sqlite3_reset(insert.get());
        sqlite3_clear_bindings(insert.get());

        const quint64 pick = splitmix(state);
        // An integer key: distinct but for 0.3% repeats of the row before.
        const qint64 key = pick % 1000 < 3 && previousKey ? previousKey
                                                          : 1'000'000'000'000 + qint64((quint64(row) * 0x9E3779B1ULL) & ((quint64(1) << 40) - 1));
        previousKey = key;
        if (!isNull(0))
            sqlite3_bind_int64(insert.get(), 1, key);
        if (!isNull(1)) {
            const quint64 code = splitmix(state) % 5000;
            const char *prefix = prefixes[code / 1000];
            if (splitmix(state) % 100 == 0) // lower case: fails the regex
                std::snprintf(text, sizeof text, "%c%c-%04d", prefix[0] + 32, prefix[1] + 32, int(code % 50));
            else
                std::snprintf(text, sizeof text, "%s-%04d", prefix, int(code % 1000));
            sqlite3_bind_text(insert.get(), 2, text, -1, SQLITE_TRANSIENT);
        }
        if (!isNull(2)) {
            // Cents, 2% of them negative (out of the range rule).
            const qint64 cents = qint64(splitmix(state) % quint64(amountValues)) - amountValues / 50;
            sqlite3_bind_double(insert.get(), 3, double(cents) / 100.0);
        }
        if (!isNull(3)) {
            const quint64 draw = splitmix(state) % 1000;
            // Skewed towards the first few; "XXX" (1%) is not in the enum.
            const QString currency = draw < 10 ? u"XXX"_s : kCurrencies.at(int((draw * draw / 1000) % 9));
            sqlite3_bind_text(insert.get(), 4, currency.toLatin1().constData(), 3, SQLITE_TRANSIENT);
        }
        if (!isNull(4)) {
            if (splitmix(state) % 1000 == 0)
                std::strcpy(text, "2023-02-30"); // not a calendar day
            else
                isoDate(firstDay + qint64(splitmix(state) % 1800), text, sizeof text);
            sqlite3_bind_text(insert.get(), 5, text, 10, SQLITE_TRANSIENT);
        }
        if (!isNull(5)) {
            std::snprintf(text, sizeof text, "CU%09llu", static_cast<unsigned long long>(splitmix(state) % quint64(customers)));
            sqlite3_bind_text(insert.get(), 6, text, -1, SQLITE_TRANSIENT);
        }
        if (sqlite3_step(insert.get()) != SQLITE_DONE)
            return u"insert failed: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db.get())));
    }
    if (sqlite3_exec(db.get(), "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
        return u"commit failed: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(db.get())));
    return {};
}

QString sqliteScript(bool distinct)
{
    QStringList select{u"COUNT(*)"_s};
    for (const Column &column : columns()) {
        select.append(u"COUNT(%1)"_s.arg(column.name));
        if (distinct)
            select.append(u"COUNT(DISTINCT %1)"_s.arg(column.name));
        for (const QString &check : column.sqliteChecks)
            select.append(u"SUM(%1)"_s.arg(check));
    }
    return u"PRAGMA temp_store=MEMORY;\nSELECT "_s + select.join(u",\n       "_s) + u"\nFROM "_s + kTable + u";\n"_s;
}

} // namespace widetable
