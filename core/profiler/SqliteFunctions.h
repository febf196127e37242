#pragma once

#include "model/Error.h"
#include "profiler/DistinctCounter.h"

#include <QtGlobal>

#include <atomic>
#include <memory>

class QSqlDatabase;
struct sqlite3;

namespace steward::profiler {

// The SQL functions the profiler's scans call on SQLite, registered on the handle of a
// QSQLITE connection (Debian's driver uses the system libsqlite3, as core does):
//
//   x REGEXP pattern                  1 when x as a whole matches `pattern` (a regex
//                                     rule's RulePattern: "EUR\n" does not match
//                                     ^[A-Z]{3}$), 0 when not; NULL for NULL x, and
//                                     NULL when the engine gave up on x (its match
//                                     limit). The pattern is compiled once per
//                                     statement; an invalid one fails the statement
//                                     with an error naming it.
//   steward_rows()                    aggregate: COUNT(*), and the live row counter
//                                     a progress handler reads (ScanState::rows)
//   steward_checks(x, c1, c2, ...)    aggregate over the rows where x is not NULL: text
//                                     "p1 p2 ... all u1 u2 ...", how often each check c
//                                     passed (1 passes; 0 or NULL does not), how often
//                                     all did, then how often each was NULL (could not
//                                     judge the value)
//   steward_distinct(x [, bytes])     aggregate: distinct non-null values of x. Exact
//                                     (DistinctCounter: numbers by their bits, text
//                                     compared byte for byte) while
//                                     the set fits its memory; beyond it the set turns
//                                     into a HyperLogLog sketch (0.81% standard error).
//                                     Without `bytes` the calls share the connection's
//                                     budget (ScanState::distinctBudget); with it, the
//                                     call has its own (0: HyperLogLog from the start).
//   steward_distinct_info(x [, bytes])  the same, as text "exact:N" or "hyperloglog:N"
//   steward_distinct_part(x, token)   steward_distinct_info over part of a table; the
//                                     counter then goes to DistinctParts `token`, to be
//                                     counted together with the other parts' counters
//   steward_number(x)                 x as INTEGER or REAL when it is a number or the
//                                     text of one ("12.50", "-3e2"); NULL otherwise
//   steward_decimal_fits(x, p, s)     1 when x is a number with at most p - s integer
//                                     digits and s fraction digits (trailing zeros do not
//                                     count); p NULL: any number. A REAL is judged by its
//                                     shortest round-trip decimal, TEXT by its digits.
//   steward_is_integer(x)             integer, integral real, or the text of an integer
//   steward_is_date(x, format)        text that is a valid calendar date in `format`
//                                     (YYYY, MM, DD as in the field's format; default
//                                     YYYY-MM-DD)
//   steward_is_timestamp(x)           ISO 8601 date and time text ('T' or ' ' between)
//   steward_is_boolean(x)             0, 1, or true/false/t/f/yes/no/y/n in any case
//
// Every check returns NULL for a NULL x, so a count over it counts non-null values only.
namespace SqliteFunctions {

struct Options
{
    // What the exact distinct sets of one statement may hold together; a set that would
    // pass it continues as a HyperLogLog sketch and gives its memory back.
    qint64 distinctMemoryBytes = qint64(256) * 1024 * 1024;
};

// What the profiler shares with the functions of one connection.
struct ScanState
{
    std::atomic<qint64> rows{0}; // rows steward_rows() has counted (progress); any thread may read
    // The budget the exact distinct sets draw on. Replace it between statements, e.g.
    // with one budget for the connections that scan parts of one table.
    std::shared_ptr<MemoryBudget> distinctBudget;
    // About how many rows the next statement reads (0: unknown): sizes the distinct sets.
    qint64 distinctExpectedRows = 0;
};

// The sqlite3 handle of an open QSQLITE connection, or nullptr.
sqlite3 *handle(const QSqlDatabase &database);

// Registers the functions on the connection (again: replaces them).
Result<std::shared_ptr<ScanState>> install(QSqlDatabase &database, const Options &options = {});

} // namespace SqliteFunctions

} // namespace steward::profiler
