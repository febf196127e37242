#include "demo/WarehouseSeeder.h"

#include "Tr.h"
#include "profiler/SqliteFunctions.h"

#include <QAtomicInt>
#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>

#include <sqlite3.h>

#include <array>
#include <cstdio>
#include <functional>

using namespace Qt::StringLiterals;

namespace steward {
namespace {

Error warehouseError(const QString &path, const QString &reason)
{
    return Error::make(ErrorCode::Unavailable, CoreTr::tr("cannot write the demo warehouse %1: %2").arg(path, reason));
}

// One prepared INSERT, bound column by column; values are copied by SQLite.
class Insert
{
public:
    Insert(sqlite3 *database, const char *sql) : m_database(database)
    {
        m_rc = sqlite3_prepare_v2(database, sql, -1, &m_statement, nullptr);
    }
    ~Insert() { sqlite3_finalize(m_statement); }
    Insert(const Insert &) = delete;
    Insert &operator=(const Insert &) = delete;

    bool ok() const { return m_rc == SQLITE_OK || m_rc == SQLITE_DONE; }
    QString error() const { return QString::fromUtf8(sqlite3_errmsg(m_database)); }

    Insert &text(const char *value, int length = -1)
    {
        sqlite3_bind_text(m_statement, m_next++, value, length, SQLITE_TRANSIENT);
        return *this;
    }
    Insert &text(const QByteArray &value) { return text(value.constData(), int(value.size())); }
    Insert &integer(qint64 value)
    {
        sqlite3_bind_int64(m_statement, m_next++, value);
        return *this;
    }
    Insert &real(double value)
    {
        sqlite3_bind_double(m_statement, m_next++, value);
        return *this;
    }
    Insert &null()
    {
        sqlite3_bind_null(m_statement, m_next++);
        return *this;
    }
    bool step()
    {
        m_rc = sqlite3_step(m_statement);
        sqlite3_reset(m_statement);
        m_next = 1;
        return m_rc == SQLITE_DONE;
    }

private:
    sqlite3 *m_database;
    sqlite3_stmt *m_statement = nullptr;
    int m_rc = SQLITE_OK;
    int m_next = 1;
};

// Deterministic draws for the generators.
class Dice
{
public:
    explicit Dice(quint32 seed) : m_random(seed) {}
    // True with probability `percent` / 100 (in hundredths of a percent).
    bool percent(double percent) { return m_random.bounded(10000) < int(percent * 100); }
    int below(int bound) { return int(m_random.bounded(bound)); }
    qint64 between(qint64 low, qint64 high) { return low + qint64(m_random.bounded(quint64(high - low + 1))); }
    template <typename List> const auto &pick(const List &list) { return list[std::size_t(below(int(list.size())))]; }

private:
    QRandomGenerator m_random;
};

QByteArray isoDate(const QDate &date)
{
    return date.toString(Qt::ISODate).toLatin1();
}

QList<QByteArray> datePool(const QDate &from, int days)
{
    QList<QByteArray> pool;
    for (int i = 0; i < days; ++i)
        pool.append(isoDate(from.addDays(i)));
    return pool;
}

double cents(qint64 value)
{
    return double(value) / 100.0;
}

const std::array<const char *, 8> kCurrencies{"EUR", "USD", "GBP", "CHF", "JPY", "SEK", "PLN", "CNY"};
const std::array<const char *, 4> kCompanies{"1000", "1100", "2000", "3000"};
const std::array<const char *, 5> kUnknownCompanies{"1500", "9999", "100", "4000", "1000A"};
const std::array<const char *, 6> kTaxCodes{"V0", "V1", "V2", "A1", "A2", "E0"};
const std::array<const char *, 4> kInvoiceStates{"received", "approved", "paid", "disputed"};
const std::array<const char *, 4> kCountries{"DE", "FR", "NL", "AT"};
const std::array<const char *, 6> kSupplierNames{"Müller Logistik GmbH", "Société Générale de Fournitures",
                                                 "Nordic Paper AB",      "株式会社サンプル商事",
                                                 "Łódź Metal Sp. z o.o.", "Acme Industrial Supply Ltd"};

struct Table
{
    const char *name;
    const char *ddl;
    const char *insert;
    qint64 rows;
    std::function<void(Insert &, Dice &, qint64)> row; // binds one row
};

QList<Table> tables(qint64 journalLines)
{
    auto scaled = [&](qint64 divisor, qint64 minimum) { return std::max(minimum, journalLines / divisor); };
    static const QList<QByteArray> postingDates = datePool(QDate(2023, 1, 1), 3 * 365);
    const qint64 accounts = 400;
    const qint64 suppliers = scaled(500, 50);
    const qint64 customers = scaled(200, 50);
    const qint64 costCenters = 300;

    QList<Table> list;
    list.append({"accounts",
                 "CREATE TABLE accounts (account_code VARCHAR(10) PRIMARY KEY, name VARCHAR(80), "
                 "account_type VARCHAR(12))",
                 "INSERT INTO accounts VALUES (?, ?, ?)", accounts, [](Insert &insert, Dice &dice, qint64 i) {
                     static const std::array<const char *, 5> types{"Asset", "Liability", "Equity", "Revenue",
                                                                    "Expense"};
                     char code[24];
                     std::snprintf(code, sizeof code, "%lld", 100000LL + i * 100);
                     insert.text(code);
                     if (dice.percent(2))
                         insert.null();
                     else
                         insert.text(QByteArray("GL account ") + code
                                     + (dice.percent(1) ? QByteArray(90, '.') : QByteArray()));
                     insert.text(dice.percent(8) ? "Contra-Liability" : types[std::size_t(i % 5)]);
                 }});
    list.append({"journal_lines",
                 "CREATE TABLE journal_lines (line_id INTEGER PRIMARY KEY, document_number VARCHAR(12), "
                 "company_code VARCHAR(4), account_code VARCHAR(10), posting_date DATE, fiscal_period INTEGER, "
                 "currency VARCHAR(3), amount DECIMAL(18,2), amount_functional DECIMAL(18,2), "
                 "cost_center VARCHAR(10), tax_code VARCHAR(2), is_reversal BOOLEAN)",
                 "INSERT INTO journal_lines VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", journalLines,
                 [accounts, costCenters](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[32];
                     insert.integer(i + 1);
                     // Lines of one document share its number: the `unique` rule fails often.
                     if (dice.percent(3)) {
                         insert.null();
                     } else {
                         const int written = std::snprintf(buffer, sizeof buffer,
                                                           dice.percent(10) ? "DOC-2024-%08lld" : "%010lld", i / 4);
                         insert.text(buffer, written);
                     }
                     if (dice.percent(10))
                         insert.null();
                     else
                         insert.text(dice.percent(44) ? dice.pick(kUnknownCompanies) : dice.pick(kCompanies));
                     const qint64 account = 100000 + dice.below(int(accounts)) * 100;
                     if (dice.percent(1)) {
                         insert.null();
                     } else if (dice.percent(25)) {
                         const int written = std::snprintf(buffer, sizeof buffer,
                                                           dice.percent(50) ? "%lld" : "ACC-%lld", account / 10);
                         insert.text(buffer, written);
                     } else {
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "%lld", account));
                     }
                     const QByteArray &date = dice.pick(postingDates);
                     if (dice.percent(1.5))
                         insert.null();
                     else if (dice.percent(1))
                         insert.text(date.mid(8, 2) + '/' + date.mid(5, 2) + '/' + date.left(4));
                     else if (dice.percent(0.7))
                         insert.text(date.left(5) + (dice.percent(50) ? "02-30" : "13-01"));
                     else
                         insert.text(date);
                     if (dice.percent(2))
                         insert.null();
                     else if (dice.percent(6))
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "P%02d", 1 + dice.below(12)));
                     else if (dice.percent(16))
                         insert.integer(dice.percent(50) ? 0 : 17 + dice.below(83));
                     else
                         insert.integer(1 + dice.below(dice.percent(95) ? 12 : 16));
                     if (dice.percent(5))
                         insert.null();
                     else if (dice.percent(37))
                         insert.text(QByteArray(dice.pick(kCurrencies)).toLower());
                     else if (dice.percent(6))
                         insert.text(dice.percent(50) ? "EURO" : "€");
                     else
                         insert.text(dice.pick(kCurrencies));
                     // Amounts: cents, so a clean value has two decimals.
                     const qint64 amount = (dice.percent(50) ? 1 : -1) * dice.between(1, 50'000'000);
                     if (dice.percent(0.4))
                         insert.null();
                     else if (dice.percent(1.5))
                         insert.real(double(amount) / 1000.0);
                     else if (dice.percent(0.3))
                         insert.text(dice.percent(50) ? "N/A" : "1.234,56");
                     else if (dice.percent(0.05))
                         insert.real(12345678901234567.89);
                     else
                         insert.real(cents(amount));
                     if (dice.percent(9))
                         insert.null();
                     else if (dice.percent(18))
                         insert.real(cents(amount) * 1.0837);
                     else
                         insert.real(cents(amount * 108 / 100));
                     if (dice.percent(40))
                         insert.null();
                     else if (dice.percent(3))
                         insert.text("CC-LEGACY-00123");
                     else
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "CC%04d",
                                                           1000 + dice.below(int(costCenters))));
                     if (dice.percent(50))
                         insert.null();
                     else if (dice.percent(25))
                         insert.text(dice.percent(50) ? "V19" : "V07");
                     else
                         insert.text(dice.pick(kTaxCodes));
                     if (dice.percent(60))
                         insert.null();
                     else if (dice.percent(40))
                         insert.text(dice.percent(50) ? "maybe" : "R");
                     else
                         insert.integer(dice.percent(8) ? 1 : 0);
                 }});
    list.append({"suppliers",
                 "CREATE TABLE suppliers (supplier_id VARCHAR(10) PRIMARY KEY, name VARCHAR(80), iban VARCHAR(34), "
                 "country VARCHAR(2))",
                 "INSERT INTO suppliers VALUES (?, ?, ?, ?)", suppliers, [](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[48];
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "S%06lld", i + 1));
                     insert.text(dice.pick(kSupplierNames));
                     const char *country = dice.pick(kCountries);
                     const qint64 account = dice.between(1'000'000'000LL, 9'999'999'999LL);
                     if (dice.percent(10))
                         insert.null();
                     else if (dice.percent(30))
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "%s89 3704 0044 %lld", country,
                                                           account));
                     else
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "%s89370400440%lld", country,
                                                           account));
                     insert.text(dice.percent(15) ? "DEU" : country);
                 }});
    list.append({"ap_invoices",
                 "CREATE TABLE ap_invoices (invoice_id INTEGER PRIMARY KEY, supplier_id VARCHAR(10), "
                 "gross_amount DECIMAL(18,2), net_amount DECIMAL(18,2), due_date DATE, payment_terms VARCHAR(4), "
                 "status VARCHAR(10))",
                 "INSERT INTO ap_invoices VALUES (?, ?, ?, ?, ?, ?, ?)", scaled(20, 200),
                 [suppliers](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[32];
                     insert.integer(i + 1);
                     if (dice.percent(1))
                         insert.null();
                     else
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "S%06lld",
                                                           1 + dice.between(0, suppliers - 1)));
                     const qint64 net = dice.between(100, 5'000'000);
                     insert.real(cents(dice.percent(6) ? -net : net * 119 / 100));
                     if (dice.percent(12))
                         insert.null();
                     else
                         insert.real(cents(net));
                     const QByteArray date = dice.pick(postingDates);
                     insert.text(dice.percent(22) ? date.mid(8, 2) + '.' + date.mid(5, 2) + '.' + date.left(4) : date);
                     insert.text(dice.percent(25) ? "NET30" : (dice.percent(50) ? "N30" : "N60"));
                     if (dice.percent(20))
                         insert.text("Paid");
                     else
                         insert.text(dice.percent(5) ? "cancelled" : dice.pick(kInvoiceStates));
                 }});
    list.append({"customers",
                 "CREATE TABLE customers (customer_id VARCHAR(10) PRIMARY KEY, name VARCHAR(80), "
                 "credit_limit DECIMAL(18,2), segment VARCHAR(20))",
                 "INSERT INTO customers VALUES (?, ?, ?, ?)", customers, [](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[32];
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "C%06lld", i + 1));
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "Customer %lld", i + 1));
                     if (dice.percent(25))
                         insert.null();
                     else if (dice.percent(5))
                         insert.real(double(dice.between(1'000'000, 99'999'999)) / 10000.0);
                     else
                         insert.real(cents(dice.between(100'000, 500'000'000)));
                     insert.text(dice.percent(30) ? "Enterprise" : (dice.percent(50) ? "SMB" : "Public Sector"));
                 }});
    list.append({"ar_invoices",
                 "CREATE TABLE ar_invoices (invoice_id INTEGER PRIMARY KEY, customer_id VARCHAR(10), "
                 "gross_amount DECIMAL(18,2), days_overdue INTEGER, dunning_level INTEGER)",
                 "INSERT INTO ar_invoices VALUES (?, ?, ?, ?, ?)", scaled(20, 200),
                 [customers](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[32];
                     insert.integer(i + 1);
                     if (dice.percent(0.5))
                         insert.null();
                     else
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "C%06lld",
                                                           1 + dice.between(0, customers - 1)));
                     insert.real(cents(dice.between(1000, 20'000'000)));
                     insert.integer(dice.percent(8) ? -dice.between(1, 30) : dice.between(0, 120));
                     if (dice.percent(35))
                         insert.null();
                     else
                         insert.integer(dice.percent(35) ? dice.between(5, 9) : dice.between(0, 4));
                 }});
    list.append({"cash_positions",
                 "CREATE TABLE cash_positions (bank_account VARCHAR(34), value_date DATE, balance DECIMAL(18,2))",
                 "INSERT INTO cash_positions VALUES (?, ?, ?)", scaled(50, 100),
                 [](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[32];
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "DE8937040044%010lld", i % 40));
                     const QByteArray date = dice.pick(postingDates);
                     insert.text(dice.percent(10) ? date + "T00:00:00" : date);
                     insert.real(cents(dice.between(-50'000'000, 900'000'000)));
                 }});
    list.append({"fx_rates",
                 "CREATE TABLE fx_rates (base_currency VARCHAR(3), quote_currency VARCHAR(3), rate_date DATE, "
                 "rate DECIMAL(18,8), rate_type VARCHAR(4))",
                 "INSERT INTO fx_rates VALUES (?, ?, ?, ?, ?)", scaled(100, 100),
                 [](Insert &insert, Dice &dice, qint64) {
                     insert.text("EUR").text(dice.pick(kCurrencies)).text(dice.pick(postingDates));
                     const qint64 rate = dice.between(1'000'000, 15'000'000'000LL);
                     insert.real(dice.percent(3) ? double(rate) / 1e10 + 1e-11 : double(rate) / 1e8);
                     insert.text(dice.percent(5) ? "EZB" : (dice.percent(50) ? "M" : (dice.percent(50) ? "B" : "G")));
                 }});
    list.append({"budgets",
                 "CREATE TABLE budgets (cost_center VARCHAR(10), period VARCHAR(7), amount DECIMAL(18,2), "
                 "plan_version VARCHAR(3))",
                 "INSERT INTO budgets VALUES (?, ?, ?, ?)", scaled(100, 100),
                 [costCenters](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[32];
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "CC%04lld", 1000 + i % costCenters));
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "2025-%02lld", 1 + i % 12));
                     if (dice.percent(15))
                         insert.null();
                     else
                         insert.real(cents(dice.between(100'000, 100'000'000)));
                     insert.text(dice.percent(10) ? "0001" : "000");
                 }});
    list.append({"cost_centers",
                 "CREATE TABLE cost_centers (cost_center VARCHAR(10) PRIMARY KEY, name VARCHAR(60), "
                 "manager_id VARCHAR(12))",
                 "INSERT INTO cost_centers VALUES (?, ?, ?)", costCenters, [](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[32];
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "CC%04lld", 1000 + i));
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer, "Cost center %lld", 1000 + i));
                     if (dice.percent(35))
                         insert.null();
                     else
                         insert.text(buffer, std::snprintf(buffer, sizeof buffer, "E%07d", dice.below(9'999'999)));
                 }});
    list.append({"vat_returns", "CREATE TABLE vat_returns (period VARCHAR(7), payable DECIMAL(18,2))",
                 "INSERT INTO vat_returns VALUES (?, ?)", 120, [](Insert &insert, Dice &dice, qint64 i) {
                     char buffer[16];
                     const int year = 2016 + int(i / 12);
                     const int month = 1 + int(i % 12);
                     insert.text(buffer, std::snprintf(buffer, sizeof buffer,
                                                       dice.percent(15) ? "%d/%02d" : "%d-%02d", year, month));
                     if (dice.percent(5))
                         insert.null();
                     else
                         insert.real(cents(dice.between(-5'000'000, 80'000'000)));
                 }});
    list.append({"assets",
                 "CREATE TABLE assets (asset_id INTEGER PRIMARY KEY, acquisition_cost DECIMAL(18,2), "
                 "useful_life_months INTEGER, in_service_date DATE, asset_class VARCHAR(8))",
                 "INSERT INTO assets VALUES (?, ?, ?, ?, ?)", scaled(300, 100),
                 [](Insert &insert, Dice &dice, qint64 i) {
                     static const std::array<const char *, 4> classes{"BUILDING", "MACHINE", "VEHICLE", "IT"};
                     insert.integer(i + 1);
                     insert.real(cents(dice.between(50'000, 2'000'000'000)));
                     if (dice.percent(20))
                         insert.null();
                     else if (dice.percent(12))
                         insert.text(dice.percent(50) ? "5y" : "sixty");
                     else
                         insert.integer(12 * dice.between(3, 40));
                     if (dice.percent(10))
                         insert.null();
                     else
                         insert.text(dice.pick(postingDates));
                     insert.text(dice.percent(3) ? "EQUIPMENT-OTHER" : dice.pick(classes));
                 }});
    return list;
}

Status execute(sqlite3 *database, const char *sql, const QString &path)
{
    char *message = nullptr;
    if (sqlite3_exec(database, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return std::nullopt;
    const QString reason = QString::fromUtf8(message ? message : "unknown error");
    sqlite3_free(message);
    return warehouseError(path, reason);
}

Status fill(sqlite3 *database, const QString &path, const WarehouseSeeder::Options &options,
            WarehouseSeeder::Summary &summary)
{
    for (const char *pragma : {"PRAGMA journal_mode = OFF", "PRAGMA synchronous = OFF", "PRAGMA cache_size = -65536"}) {
        if (auto failed = execute(database, pragma, path))
            return failed;
    }
    if (auto failed = execute(database, "BEGIN", path))
        return failed;
    Dice dice(options.seed);
    for (const Table &table : tables(std::max<qint64>(0, options.journalLines))) {
        if (auto failed = execute(database, table.ddl, path))
            return failed;
        Insert insert(database, table.insert);
        if (!insert.ok())
            return warehouseError(path, insert.error());
        for (qint64 i = 0; i < table.rows; ++i) {
            table.row(insert, dice, i);
            if (!insert.step())
                return warehouseError(path, insert.error());
        }
        summary.tables.append(QString::fromLatin1(table.name));
        summary.rows += table.rows;
    }
    return execute(database, "COMMIT", path);
}

} // namespace

QString WarehouseSeeder::pathBeside(const QString &metadataDatabasePath)
{
    const QFileInfo file(metadataDatabasePath);
    return file.absoluteDir().filePath(file.completeBaseName() + u"-warehouse.db"_s);
}

qint64 WarehouseSeeder::journalLinesFromEnvironment(qint64 fallback)
{
    bool ok = false;
    const qint64 rows = qEnvironmentVariable("STEWARD_DEMO_WAREHOUSE_ROWS").toLongLong(&ok);
    return ok && rows >= 0 ? rows : fallback;
}

Result<WarehouseSeeder::Summary> WarehouseSeeder::seed(const QString &path, const Options &options) const
{
    QElapsedTimer clock;
    clock.start();
    Summary summary;
    summary.path = path;
    const QString building = path + u".building"_s;
    QFile::remove(building);

    static QAtomicInt counter;
    const QString connectionName = u"steward-warehouse-%1"_s.arg(counter.fetchAndAddRelaxed(1));
    Status failed;
    {
        QSqlDatabase connection = QSqlDatabase::addDatabase(u"QSQLITE"_s, connectionName);
        connection.setDatabaseName(building);
        if (!connection.open()) {
            failed = warehouseError(path, connection.lastError().text());
        } else if (sqlite3 *handle = profiler::SqliteFunctions::handle(connection)) {
            failed = fill(handle, path, options, summary);
        } else {
            failed = warehouseError(path, CoreTr::tr("the SQLite driver gave no handle"));
        }
        connection.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
    if (failed) {
        QFile::remove(building);
        return *failed;
    }

    for (const QString &suffix : {QString(), u"-wal"_s, u"-shm"_s, u"-journal"_s})
        QFile::remove(path + suffix);
    if (!QFile::rename(building, path))
        return warehouseError(path, CoreTr::tr("cannot move %1 into place").arg(building));
    summary.durationMs = clock.elapsed();
    return summary;
}

} // namespace steward
